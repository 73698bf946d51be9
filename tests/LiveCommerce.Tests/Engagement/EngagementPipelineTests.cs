using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
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
        var store = StoreOf(connection, options);
        using var pipeline = await StartedAsync(store, options);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        var product = NewProduct();

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
        var droppedMetric = new StrongBox<long>();
        using var listener = Count("livecommerce.engagement.dropped", droppedMetric);

        using var pipeline = await StartedAsync(store, options);
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
        Assert.Equal(pipeline.Dropped, Interlocked.Read(ref droppedMetric.Value));

        await server.StartAsync();
        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(30)), "the buffer drained once Redis came up");
        await pipeline.StopAsync(CancellationToken.None);
        Assert.Equal(accepted, pipeline.Written);
        Assert.Equal(accepted, (await store.GetStreamTotalsAsync(stream)).Comments);
    }

    [Fact]
    public async Task A_store_that_throws_once_loses_nothing_and_the_flusher_goes_on()
    {
        var options = Options(capacity: 10_000);
        var store = new FaultyEngagementStore(new InMemoryEngagementStore(options), failFirst: 1);
        using var pipeline = await StartedAsync(store, options);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 250; i++)
        {
            Assert.True(pipeline.Record(EngagementEvent.Stream(EngagementKind.Reaction, stream, "v", false, DateTimeOffset.UtcNow)));
        }

        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, store.Thrown);

        // The loop is still running: later events arrive too.
        Assert.True(pipeline.Record(EngagementEvent.Stream(EngagementKind.Comment, stream, "v", false, DateTimeOffset.UtcNow)));
        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(10)));
        await pipeline.StopAsync(CancellationToken.None);
        Assert.Equal((251L, 0L, 0L), (pipeline.Written, pipeline.Dropped, pipeline.Poisoned));
        var totals = await store.GetStreamTotalsAsync(stream);
        Assert.Equal((250L, 1L), (totals.Reactions, totals.Comments));
    }

    [Fact]
    public async Task A_poison_event_is_dropped_and_counted_and_every_other_event_arrives()
    {
        var options = Options(capacity: 10_000);
        var store = new FaultyEngagementStore(new InMemoryEngagementStore(options), poisonPrefix: "poison-");
        var poisonedMetric = new StrongBox<long>();
        using var listener = Count("livecommerce.engagement.poisoned", poisonedMetric);
        using var pipeline = await StartedAsync(store, options);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                pipeline.Record(EngagementEvent.Stream(EngagementKind.Reaction, stream, "v", false, DateTimeOffset.UtcNow));
                if (i == 20)
                {
                    pipeline.Record(EngagementEvent.Stream(EngagementKind.Reaction, "poison-" + round, "v", false, DateTimeOffset.UtcNow));
                }
            }

            Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(20)), "the pipeline gave up on the poison event");
        }

        await pipeline.StopAsync(CancellationToken.None);
        Assert.Equal((120L, 3L, 3L), (pipeline.Written, pipeline.Poisoned, pipeline.Dropped));
        Assert.Equal(3, Interlocked.Read(ref poisonedMetric.Value));
        Assert.Equal(120, (await store.GetStreamTotalsAsync(stream)).Reactions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Revenue_beyond_64_bits_saturates_at_the_ceiling_and_later_events_still_count(bool redis)
    {
        var options = Options(capacity: 10_000);
        using var connection = redis ? await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString) : null;
        var store = StoreOf(connection, options);
        using var pipeline = await StartedAsync(store, options);
        var stream = "s-" + Guid.NewGuid().ToString("N");
        var product = NewProduct();
        const long Price = 5_000_000_000_000_000_000;

        // Three buyers in one batch: the batch's own sum passes 2^63.
        for (var buyer = 0; buyer < 3; buyer++)
        {
            pipeline.Record(EngagementEvent.Purchase(stream, product, "buyer-" + buyer, 1, Price, "IDR", DateTimeOffset.UtcNow));
        }

        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(10)));

        // One more in a later batch: now the store's own increment would overflow.
        pipeline.Record(EngagementEvent.Purchase(stream, product, "buyer-3", 1, Price, "IDR", DateTimeOffset.UtcNow));
        pipeline.Record(EngagementEvent.Stream(EngagementKind.Reaction, stream, "v", false, DateTimeOffset.UtcNow) with { Count = long.MaxValue });
        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(10)));
        pipeline.Record(EngagementEvent.Stream(EngagementKind.Reaction, stream, "v", false, DateTimeOffset.UtcNow));
        pipeline.Record(EngagementEvent.Click(stream, product, "viewer", false, DateTimeOffset.UtcNow));
        Assert.True(await pipeline.DrainAsync(TimeSpan.FromSeconds(10)));
        await pipeline.StopAsync(CancellationToken.None);

        Assert.Equal((7L, 0L), (pipeline.Written, pipeline.Dropped));
        var inStream = Assert.Single(await store.GetStreamProductsAsync(stream, [product.ProductId]));
        Assert.Equal((4L, 1L, SaturatingCounter.Ceiling), (inStream.Purchases, inStream.Clicks, inStream.RevenueIn("IDR")));
        var acrossStreams = Assert.Single(await store.GetProductsAsync([product.ProductId]));
        Assert.Equal(SaturatingCounter.Ceiling, acrossStreams.RevenueIn("IDR"));
        Assert.Equal(SaturatingCounter.Ceiling, (await store.GetStreamTotalsAsync(stream)).Reactions);
    }

    [Fact]
    public void Saturating_sums_stop_at_the_bounds()
    {
        Assert.Equal(long.MaxValue, SaturatingCounter.Add(long.MaxValue - 1, 5));
        Assert.Equal(long.MinValue, SaturatingCounter.Add(long.MinValue + 1, -5));
        Assert.Equal(long.MaxValue - 1, SaturatingCounter.Add(long.MaxValue, -1));
        Assert.Equal(-1, SaturatingCounter.Add(long.MaxValue, long.MinValue));
        Assert.Equal(7, SaturatingCounter.Add(3, 4));
    }

    /// <summary>The store of a test that runs on Redis when <paramref name="connection"/> is one, in memory otherwise.</summary>
    private static IEngagementStore StoreOf(ConnectionMultiplexer? connection, EngagementOptions options) =>
        connection is null ? new InMemoryEngagementStore(options) : new RedisEngagementStore(connection, options);

    /// <summary>A pipeline writing to <paramref name="store"/> with <paramref name="options"/>, started.</summary>
    private static async Task<EngagementPipeline> StartedAsync(IEngagementStore store, EngagementOptions options)
    {
        var pipeline = new EngagementPipeline(store, Microsoft.Extensions.Options.Options.Create(options), NullLogger<EngagementPipeline>.Instance);
        try
        {
            await pipeline.StartAsync(CancellationToken.None);
            return pipeline;
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>A new product's facts.</summary>
    private static ProductFacts NewProduct() => new("p-" + Guid.NewGuid().ToString("N"), "seller", "local-sme", "batik");

    /// <summary>Starts a listener adding every measurement of the engagement instrument <paramref name="instrumentName"/> to <paramref name="total"/>.</summary>
    private static MeterListener Count(string instrumentName, StrongBox<long> total)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngagementMetrics.MeterName && instrument.Name == instrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total.Value, value));
        listener.Start();
        return listener;
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
