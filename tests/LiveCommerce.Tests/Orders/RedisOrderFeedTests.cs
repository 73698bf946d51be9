using LiveCommerce.Contracts.Commerce;
using Order = LiveCommerce.Contracts.Commerce.Order;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Silo.Orders;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using StackExchange.Redis;
using OptionsOf = Microsoft.Extensions.Options.Options;

namespace LiveCommerce.Tests.Orders;

/// <summary>The cluster-mode order feed on a real Redis: its key, trimming that keeps unacknowledged entries, deduplication.</summary>
public sealed class RedisOrderFeedTests : IAsyncLifetime
{
    private const string Group = "payments";
    private readonly string _serviceId = "feed-" + Guid.NewGuid().ToString("N")[..8];
    private ConnectionMultiplexer _redis = null!;

    private IDatabase Db => _redis.GetDatabase();

    private string Key => _serviceId + ":orders";

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task A_confirmed_order_lands_in_the_stream_named_after_the_service_id()
    {
        await using var host = new EngineHost(RedisServer.ConnectionString, _serviceId);
        var (stream, products, _) = await Catalog.LiveStreamAsync(host, products: 1);
        await using var buyer = await host.ConnectViewerAsync("buyer-" + Guid.NewGuid().ToString("N")[..8]);
        await buyer.JoinStreamAsync(stream.Id);
        await buyer.AddToCartAsync(stream.Id, products[0].Id, 1);
        var order = await buyer.CheckoutAsync(Guid.NewGuid().ToString("N"));

        var entry = Assert.Single(await Db.StreamRangeAsync(Key));
        Assert.Equal(order.Id, (string?)entry["id"]);
        Assert.Contains(order.Id, (string?)entry["order"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_a_consumer_group_has_not_acknowledged_survive_trimming_and_acknowledged_ones_go()
    {
        var (feed, trimmer) = Create();
        var first = await feed.AppendAsync(NewOrder());
        await Db.StreamCreateConsumerGroupAsync(Key, Group, StreamPosition.Beginning);
        var ids = new List<string> { first };
        for (var i = 0; i < 9; i++)
        {
            ids.Add(await feed.AppendAsync(NewOrder()));
        }

        // Nothing delivered yet: everything stays.
        Assert.Equal((0L, 10L), Summary(await trimmer.TrimAsync()));

        // Five delivered, three of them acknowledged: the oldest unacknowledged one and all after it stay.
        var read = await Db.StreamReadGroupAsync(Key, Group, "worker-1", StreamPosition.NewMessages, count: 5);
        Assert.Equal(5, read.Length);
        await Db.StreamAcknowledgeAsync(Key, Group, [read[0].Id, read[1].Id, read[3].Id]);
        var trim = await trimmer.TrimAsync();
        Assert.Equal((2L, 8L), Summary(trim));
        Assert.Equal(ids[2], trim.KeptFrom);
        Assert.Equal(ids[2..], (await Db.StreamRangeAsync(Key)).Select(e => e.Id.ToString()).ToList());

        // A second group that has read nothing holds everything that is left, whatever the first one acknowledges.
        await Db.StreamCreateConsumerGroupAsync(Key, "fulfilment", StreamPosition.Beginning);
        await Db.StreamAcknowledgeAsync(Key, Group, [read[2].Id, read[4].Id]);
        Assert.Equal((0L, 8L), Summary(await trimmer.TrimAsync()));

        // Once both have read and acknowledged everything, only the last delivered entry is kept.
        foreach (var group in new[] { Group, "fulfilment" })
        {
            var rest = await Db.StreamReadGroupAsync(Key, group, "worker-2", StreamPosition.NewMessages, count: 100);
            await Db.StreamAcknowledgeAsync(Key, group, [.. rest.Select(e => e.Id)]);
        }

        var last = await trimmer.TrimAsync();
        Assert.Equal((7L, 1L), Summary(last));
        Assert.Equal(ids[^1], last.KeptFrom);
    }

    [Fact]
    public async Task Without_a_consumer_group_nothing_is_trimmed_unless_a_hard_cap_is_set()
    {
        var (feed, trimmer) = Create();
        for (var i = 0; i < 300; i++)
        {
            await feed.AppendAsync(NewOrder());
        }

        var kept = await trimmer.TrimAsync();
        Assert.Equal((0L, 300L, null as string), (kept.Trimmed, kept.Length, kept.KeptFrom));

        var (_, capped) = Create(hardMaxLength: 100);
        var cut = await capped.TrimAsync();
        Assert.True(cut.CappedOut > 0);
        Assert.InRange(cut.Length, 100, 299);
    }

    [Fact]
    public async Task The_same_order_is_appended_once_and_a_consumer_deduplicates_a_late_repeat_by_its_id()
    {
        var (feed, _) = Create();
        var order = NewOrder();
        var first = await feed.AppendAsync(order);
        Assert.Equal(first, await feed.AppendAsync(order));
        await feed.PublishAsync(order);
        Assert.Equal(1, await Db.StreamLengthAsync(Key));

        // After the feed's marker is gone (it expires), a repeat is a second entry with the same id ...
        await Db.KeyDeleteAsync(_serviceId + ":orders:published:" + order.Id);
        await feed.PublishAsync(order);
        await feed.PublishAsync(NewOrder());
        var entries = await Db.StreamRangeAsync(Key);
        Assert.Equal(3, entries.Length);

        // ... which the documented consumer recipe (SET seen:{id} NX before processing) processes once.
        var processed = new List<string>();
        foreach (var entry in entries)
        {
            var id = (string)entry["id"]!;
            if (await Db.StringSetAsync(_serviceId + ":consumer:seen:" + id, entry.Id.ToString(), TimeSpan.FromMinutes(5), When.NotExists))
            {
                processed.Add(id);
            }
        }

        Assert.Equal(2, processed.Count);
        Assert.Equal(order.Id, processed[0]);
    }

    [Fact]
    public async Task The_trimmer_keeps_running_through_failed_rounds()
    {
        // The key holds a string: every round fails until it is a stream again.
        await Db.StringSetAsync(Key, "not a stream");
        var (feed, trimmer) = Create(trimInterval: TimeSpan.FromMilliseconds(50));
        await trimmer.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(300);
            await Assert.ThrowsAsync<RedisServerException>(() => trimmer.TrimAsync());
            await Db.KeyDeleteAsync(Key);
            for (var i = 0; i < 5; i++)
            {
                await feed.AppendAsync(NewOrder());
            }

            await Db.StreamCreateConsumerGroupAsync(Key, Group, StreamPosition.Beginning);
            var read = await Db.StreamReadGroupAsync(Key, Group, "worker", StreamPosition.NewMessages, count: 5);
            await Db.StreamAcknowledgeAsync(Key, Group, [.. read.Select(e => e.Id)]);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await Db.StreamLengthAsync(Key) > 1 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(1, await Db.StreamLengthAsync(Key));
        }
        finally
        {
            await trimmer.StopAsync(CancellationToken.None);
        }
    }

    private static (long Trimmed, long Length) Summary(OrderFeedTrim trim) => (trim.Trimmed, trim.Length);

    private static Order NewOrder() => new()
    {
        Id = "ord-" + Guid.NewGuid().ToString("N"),
        BuyerId = "buyer",
        Status = OrderStatus.Confirmed,
        Items = [],
        Total = new Money(150_000, "IDR"),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private (RedisOrderFeed Feed, OrderFeedTrimmer Trimmer) Create(long hardMaxLength = 0, TimeSpan? trimInterval = null)
    {
        var options = OptionsOf.Create(new OrderFeedOptions { HardMaxLength = hardMaxLength, TrimInterval = trimInterval ?? TimeSpan.FromSeconds(30) });
        var cluster = OptionsOf.Create(new ClusterOptions { ServiceId = _serviceId, ClusterId = _serviceId });
        return (new RedisOrderFeed(_redis, options, cluster), new OrderFeedTrimmer(_redis, options, cluster, NullLogger<OrderFeedTrimmer>.Instance));
    }
}
