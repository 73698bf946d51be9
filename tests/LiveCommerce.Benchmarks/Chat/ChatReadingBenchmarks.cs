using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LiveCommerce.Chat;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Serialization;

namespace LiveCommerce.Benchmarks.Chat;

/// <summary>
/// The silo's per-comment chat work, over the same 64 comments of the corpus and a stream list of 8 products.
/// Baseline: what a comment cost before chat reading (build the <c>CommentPosted</c> event and serialize it to
/// JSON once for the fan-out). Read: the same plus reading the comment (product match, intent, quantity).
/// The ratio of the two is the chat path's CPU cost per comment; the hub and network add the same to both.
/// </summary>
[MemoryDiagnoser]
public class ChatReadingBenchmarks
{
    private static readonly ChatProduct[] Products =
    [
        new("p1", "Dress Batik Kawung"), new("p2", "Kemeja Batik Parang"), new("p3", "Outer Batik Megamendung"),
        new("p4", "Sarung Tenun Ikat"), new("p5", "Serum Vitamin C Glow"), new("p6", "Hijab Pashmina Voal"),
        new("p7", "Sneakers Runner Pro"), new("p8", "Keripik Pedas Level 5"),
    ];

    private ChatClassifier _classifier = null!;
    private ProductMatcher _matcher = null!;
    private string[] _comments = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = ChatClassifier.CreateDefault();
        _matcher = new ProductMatcher(Products);
        _comments = [.. ChatCorpus.EmbeddedTraining().Select(e => e.Text).Take(64)];
    }

    [Benchmark(Baseline = true)]
    public int FanOutOnly()
    {
        var text = _comments[_next++ & 63];
        var posted = new CommentPosted("stream-1", "user-1", text, DateTimeOffset.UnixEpoch, "c1", "other", null);
        return JsonSerializer.SerializeToUtf8Bytes(posted, LiveJson.Options).Length;
    }

    [Benchmark]
    public int ReadThenFanOut()
    {
        var text = _comments[_next++ & 63];
        var reading = _classifier.Read(text, _matcher);
        var posted = new CommentPosted("stream-1", "user-1", text, DateTimeOffset.UnixEpoch, "c1", reading.Intent.ToWire(), reading.ProductId);
        return JsonSerializer.SerializeToUtf8Bytes(posted, LiveJson.Options).Length;
    }
}
