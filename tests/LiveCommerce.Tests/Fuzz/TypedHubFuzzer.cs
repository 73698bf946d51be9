using LiveCommerce.Client;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Testing;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// Well-formed but wrong calls through the SignalR client: wrong argument counts and types, edge numbers, odd
/// strings, calls out of order. Strangers never join the fuzzed stream, and the buyer only makes calls the
/// contract refuses, so nothing may change.
/// </summary>
public sealed class TypedHubFuzzer(EngineHost host, FuzzWorld world, FuzzFindings findings, HubProtocol protocol)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private LiveViewerClient? _anonymous;
    private LiveViewerClient? _stranger;
    private LiveViewerClient? _buyer;

    /// <summary>Runs <paramref name="cases"/> calls.</summary>
    public async Task RunAsync(Random random, int cases)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < cases; i++)
            {
                await OneAsync(random, i);
                findings.Ran();
            }
        }
        finally
        {
            findings.Took("typed " + protocol, clock.Elapsed);
            foreach (var client in new[] { _anonymous, _stranger, _buyer })
            {
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
            }
        }
    }

    private async Task OneAsync(Random random, int index)
    {
        var who = random.Next(3);
        LiveViewerClient client;
        (string Method, object?[] Args) call;
        switch (who)
        {
            case 0:
                client = _anonymous ??= await host.ConnectViewerAsync(protocol: protocol);
                call = AnyCall(random, allowJoinOfWorld: true);
                break;
            case 1:
                client = _stranger ??= await host.ConnectViewerAsync("fuzz-stranger-" + protocol, protocol);
                call = AnyCall(random, allowJoinOfWorld: false);
                break;
            default:
                if (_buyer is null)
                {
                    _buyer = await host.ConnectViewerAsync(world.BuyerId, protocol);
                    await _buyer.JoinStreamAsync(world.StreamId);
                }

                client = _buyer;
                call = BuyerCall(random);
                break;
        }

        var what = $"{protocol} #{index} as {(who == 0 ? "anonymous" : who == 1 ? "stranger" : "buyer")}: {call.Method}({string.Join(", ", call.Args.Select(Describe))})";
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await client.InvokeAsync<object>(call.Method, call.Args, timeout.Token);
        }
        catch (HubException)
        {
            // Refused with an error completion: what bad input should get.
        }
        catch (Exception error)
        {
            findings.Add("hub (typed): call failed without an error completion", $"{what} -> {error.GetType().Name}: {error.Message}");
        }

        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await client.PingAsync(timeout.Token);
        }
        catch (Exception error)
        {
            findings.Add("hub (typed): connection dropped", $"{what} -> {error.GetType().Name}: {error.Message}");
            await client.DisposeAsync();
            _anonymous = who == 0 ? null : _anonymous;
            _stranger = who == 1 ? null : _stranger;
            _buyer = who == 2 ? null : _buyer;
        }
    }

    private (string Method, object?[] Args) AnyCall(Random random, bool allowJoinOfWorld)
    {
        var method = random.Next(15) == 0 ? BadValues.Pick(random, new[] { "Nope", " ", "joinstream", "OnDisconnectedAsync" }) : BadValues.Pick(random, HubFrameFuzzer.Methods);
        var count = random.Next(6) == 0 ? random.Next(0, 5) : ArgumentCount(method);
        var args = new object?[count];
        for (var i = 0; i < count; i++)
        {
            args[i] = Value(random);
        }

        if (!allowJoinOfWorld && method == HubMethods.JoinStream && args.Length > 0 && Equals(args[0], world.StreamId))
        {
            args[0] = "unknown-stream";
        }

        return (method, args);
    }

    private (string Method, object?[] Args) BuyerCall(Random random)
    {
        var badQuantity = (object?)BadValues.Pick(random, BadValues.RefusedQuantities);
        var badKey = BadValues.Pick(random, new[] { string.Empty, " ", "\t\n", new string('k', 129), new string('k', 5000), null });
        return random.Next(10) switch
        {
            0 => (HubMethods.JoinStream, [BadId(random)]),
            1 => (HubMethods.AddToCart, [world.StreamId, world.ProductIds[random.Next(2)], badQuantity]),
            2 => (HubMethods.AddToCart, [world.StreamId, BadId(random), 1]),
            3 => (HubMethods.AddToCart, [world.StreamId, world.ProductIds[1], WrongType(random)]),
            4 => (HubMethods.ClaimOffer, [world.StreamId, BadId(random)]),
            5 => (HubMethods.SetCartQuantity, [world.ProductIds[1], BadValues.Pick(random, new[] { -1, int.MinValue, int.MaxValue, 100, 1_000_001 })]),
            6 => (HubMethods.ReleaseHold, [BadId(random)]),
            7 => (HubMethods.Checkout, [badKey]),
            8 => (HubMethods.Comment, [world.StreamId, BadValues.Pick(random, new[] { string.Empty, "   ", new string('c', 501), new string('c', 10_000), null })]),
            _ => (HubMethods.React, [world.StreamId, BadValues.String(random)]),
        };
    }

    private static int ArgumentCount(string method) => method switch
    {
        HubMethods.GetCart or HubMethods.Ping => 0,
        HubMethods.JoinStream or HubMethods.LeaveStream or HubMethods.Checkout or HubMethods.ReleaseHold => 1,
        HubMethods.AddToCart => 3,
        _ => 2,
    };

    private object? Value(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => world.StreamId,
        2 => world.ProductIds[random.Next(2)],
        3 => world.OfferId,
        4 => BadValues.Pick(random, new[] { int.MaxValue, int.MinValue, -1, 0 }),
        5 => BadValues.Pick(random, new[] { long.MaxValue, long.MinValue }),
        6 => protocol == HubProtocol.MessagePack ? BadValues.Pick(random, new[] { double.NaN, double.PositiveInfinity, 1e300 }) : 1e300,
        7 => new[] { 1, 2, 3 },
        8 => new Dictionary<string, object?> { ["streamId"] = world.StreamId, ["x"] = null },
        9 => random.Next(2) == 0,
        _ => BadValues.String(random),
    };

    private static object? WrongType(Random random) => random.Next(5) switch
    {
        0 => "1",
        1 => null,
        2 => 1.5,
        3 => new[] { 1 },
        _ => long.MaxValue,
    };

    private static string? BadId(Random random) => random.Next(5) == 0 ? null : random.Next(2) == 0 ? "unknown-" + random.Next(1000) : BadValues.String(random);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => BadValues.Quote(s.Length > 40 ? s[..40] + $"…({s.Length})" : s),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };
}
