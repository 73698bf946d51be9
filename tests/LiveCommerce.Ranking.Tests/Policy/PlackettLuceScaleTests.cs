using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests.Policy;

public sealed class PlackettLuceScaleTests
{
    [Fact]
    public void Log_weights_are_those_of_the_one_at_a_time_formula()
    {
        var random = new Random(12);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var n = random.Next(0, 42);
            var magnitude = random.Next(0, 6) switch { 0 => 1e-14, 1 => 1e300, 2 => 1e154, _ => 1.0 };
            var scores = new double[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = random.Next(0, 7) == 0 ? double.NegativeInfinity : random.Next(0, 9) == 0 ? 0.25 : ((random.NextDouble() * 2) - 1) * magnitude;
            }

            var temperature = random.Next(0, 4) == 0 ? 1e-300 : random.NextDouble() * 3;
            var scaled = new double[n];
            var finite = PlackettLuceSampler.Scale(scores, temperature, scaled);

            var max = scores.Length == 0 ? double.NegativeInfinity : scores.Max();
            var effective = temperature * Math.Max(PlackettLuceSampler.Spread(scores), PlackettLuceSampler.MinimumSpread);
            Assert.Equal(scores.Count(s => s != double.NegativeInfinity), finite);
            for (var i = 0; i < n; i++)
            {
                var expected = scores[i] == double.NegativeInfinity ? double.NegativeInfinity : Math.Max((scores[i] - max) / effective, -1e300);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(scaled[i]));
            }
        }
    }
}
