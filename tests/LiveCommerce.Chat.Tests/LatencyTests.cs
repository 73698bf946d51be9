using System.Diagnostics;
using LiveCommerce.Chat;

namespace LiveCommerce.Chat.Tests;

/// <summary>
/// Reading a comment is cheap: measured one comment at a time over the held-out comments (5 rounds). The gate
/// is p95 under 1 ms: on the shared 2-core machines the far tail is set by preemption (load averages near 10),
/// not by the reader; the p99 is printed and docs/chat.md reports it.
/// </summary>
public sealed class LatencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Reading_a_comment_takes_under_a_millisecond_at_p95()
    {
        var classifier = ChatClassifier.CreateDefault();
        var matcher = new ProductMatcher([new("p1", "Dress Batik Kawung"), new("p2", "Kemeja Batik Parang"), new("p3", "Serum Vitamin C Glow")]);
        var texts = ChatCorpus.Load(Path.Combine(AppContext.BaseDirectory, "data", "test.tsv")).Select(e => e.Text).ToArray();
        foreach (var text in texts)
        {
            classifier.Read(text, matcher);
        }

        var samples = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Read(text, matcher);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        double At(double q) => samples[(int)(samples.Count * q)];
        output.WriteLine($"comments {samples.Count}  p50 {At(0.5):F3}  p90 {At(0.9):F3}  p95 {At(0.95):F3}  p99 {At(0.99):F3} ms");
        Assert.True(At(0.95) < 1.0, $"p95 {At(0.95):F3} ms");
    }
}
