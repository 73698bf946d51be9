using System.Diagnostics.Metrics;
using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Storage;
using LiveCommerce.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveCommerce.Tests.Engagement;

/// <summary>The pipeline end to end: exact counts under concurrency, and a Redis outage (buffering, drops, recovery).</summary>
public sealed class EngagementPipelineTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_recording_arrives_exactly(bool redis)
    {
        var options = Options(capacity: 100_000);
        using var connection = redis ? await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString) : null;
        IEngagementStore store = connection is null ? new InMemoryEngagementStore(options) : new RedisEngagementStore(connection, options);
        using var pipeline = new EngagementPipeline(store, Microsoft.Extensions.Options.Options.Create(options), [], NullLogger<EngagementPipeline>.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        var product = new ProductFacts("p-" + Guid.NewGuid().ToString("N"), "seller", "local-sme", "batik");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                Assert.True(pipeline.Record(i % 2 == 0
                    ? EngagementEvent.Click(stream, product, $"v{t}-{i}", false, DateTimeOffset.UtcNow)
                    : EngagementEvent.Stream(EngagementKind.Reaction, stream, $"v{t}", false, DateTimeOffset.UtcNow)));
            }
        })));

        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(30)));
        await pipeline.StopAsync(CancellationToken.None);
        Assert.Equal(40_000, pipeline.Written);
        Assert.Equal(0, pipeline.Dropped);
        Assert.Equal(20_000, (await store.GetStreamProductsAsync(stream, [product.ProductId]))[0].Clicks);
        Assert.Equal(20_000, (await store.GetStreamTotalsAsync(stream)).Reactions);
    }

    [Fact]
    public async Task While_Redis_is_down_events_wait_in_the_buffer_drops_are_counted_and_the_rest_arrive_exactly()
    {
        using var server = new PrivateRedis();
        var options = Options(capacity: 1_000);
        using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var store = new RedisEngagementStore(connection, options);
        long droppedMetric = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngagementMetrics.MeterName && instrument.Name == "livecommerce.engagement.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref droppedMetric, value));
        listener.Start();

        using var pipeline = new EngagementPipeline(store, Microsoft.Extensions.Options.Options.Create(options), [], NullLogger<EngagementPipeline>.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        var accepted = 0;
        for (var i = 0; i < 1_300; i++)
        {
            if (pipeline.Record(EngagementEvent.Stream(EngagementKind.Comment, stream, "v", false, DateTimeOffset.UtcNow)))
            {
                accepted++;
            }
        }

        // Nothing reaches the store while it is down; the failures are retried, not lost.
        await Task.Delay(2_000);
        Assert.Equal(0, pipeline.Written);
        Assert.True(pipeline.WriteFailures > 0);
        Assert.True(pipeline.Buffered > 0);

        // The buffer (1,000) plus the batch in flight (up to 100) were kept; everything else was dropped and counted.
        Assert.InRange(accepted, 1_000, 1_100);
        Assert.Equal(1_300 - accepted, pipeline.Dropped);
        Assert.Equal(pipeline.Dropped, Interlocked.Read(ref droppedMetric));

        await server.StartAsync();
        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(30)), "the buffer drained once Redis came up");
        await pipeline.StopAsync(CancellationToken.None);
        Assert.Equal(accepted, pipeline.Written);
        Assert.Equal(accepted, (await store.GetStreamTotalsAsync(stream)).Comments);
    }

    private static EngagementOptions Options(int capacity) => new()
    {
        BufferCapacity = capacity,
        BatchSize = 100,
        FlushInterval = TimeSpan.FromMilliseconds(20),
        RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        KeyPrefix = "test:" + Guid.NewGuid().ToString("N")[..8] + ":",
    };
}
