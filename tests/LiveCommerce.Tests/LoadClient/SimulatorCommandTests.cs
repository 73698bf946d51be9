using LiveCommerce.Simulator;
using LiveCommerce.Simulator.Reporting;

namespace LiveCommerce.Tests.LoadClient;

/// <summary>The simulator's command line: help succeeds, wrong arguments do not.</summary>
public sealed class SimulatorCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("bench-fanout", "--viewers", "10", "--help")]
    public async Task HelpPrintsTheUsageToStandardOutputAndSucceeds(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SimulatorCommand.RunAsync(args, output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("LiveCommerce viewer simulator", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("bench-fanout", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--viewers")]
    [InlineData("--viewers", "many")]
    [InlineData("--target", "nginx")]
    [InlineData("no-such-scenario")]
    [InlineData("bench-memory", "--viewers", "10")]
    [InlineData("bench-rush", "--target", "baseline")]
    public async Task WrongArgumentsExitWithTwoAndTellWhyOnStandardError(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SimulatorCommand.RunAsync(args, output, errors);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output.ToString());
        Assert.NotEqual(string.Empty, errors.ToString());
    }

    [Fact]
    public void TheBenchmarkOptionsAreParsed()
    {
        var options = SimulatorOptions.Parse(
            ["bench-memory", "--target", "baseline", "--pid", "41", "--pid", "42", "--idle", "2", "--timeout", "9", "--url", "http://127.0.0.1:9/"]);

        Assert.NotNull(options);
        Assert.False(options.ShowHelp);
        Assert.Equal("bench-memory", options.Scenario);
        Assert.True(options.AgainstBaseline);
        Assert.Equal([41, 42], options.Pids);
        Assert.Equal(2, options.IdleSeconds);
        Assert.Equal(9, options.TimeoutSeconds);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), Assert.Single(options.Urls));
    }

    [Fact]
    public void ResidentMemoryIsReadFromTheVmRssLine()
    {
        string[] status = ["Name:\tdotnet", "VmPeak:\t  999999 kB", "VmRSS:\t  123456 kB", "RssAnon:\t  100000 kB"];

        Assert.Equal(123456, ProcessMemory.ResidentKilobytesOf(status));
        Assert.Throws<InvalidDataException>(() => ProcessMemory.ResidentKilobytesOf(["Name:\tdotnet"]));
        Assert.True(ProcessMemory.OwnResidentKilobytes() > 0);
    }
}
