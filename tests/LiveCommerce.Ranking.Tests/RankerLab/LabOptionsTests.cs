using LiveCommerce.RankerLab;

namespace LiveCommerce.Ranking.Tests.RankerLab;

public sealed class LabOptionsTests
{
    [Fact]
    public void Parses_all_options()
    {
        var o = LabOptions.Parse(["--data", "/tmp/obd", "--campaign", "women", "--max-rows", "500", "--bootstrap", "50", "--seed", "3", "--train-fraction", "0.6", "--beta", "2.5", "--json"]);
        Assert.Equal("/tmp/obd", o.Evaluation.DataDirectory);
        Assert.Equal(["women"], o.Evaluation.Campaigns);
        Assert.Equal(500, o.Evaluation.MaxRows);
        Assert.Equal(50, o.Evaluation.BootstrapSamples);
        Assert.Equal(3, o.Evaluation.Seed);
        Assert.Equal(0.6, o.Evaluation.TrainFraction);
        Assert.Equal(2.5, o.Evaluation.SoftmaxBeta);
        Assert.True(o.Json);
    }

    [Theory]
    [InlineData("--campaign", "kids")]
    [InlineData("--bootstrap", "0")]
    [InlineData("--max-rows", "lots")]
    [InlineData("--unknown", "1")]
    public void Rejects_bad_options(string option, string value) =>
        Assert.Throws<ArgumentException>(() => LabOptions.Parse([option, value]));
}
