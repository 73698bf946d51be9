using System.Diagnostics;
using LiveCommerce.Client;
using LiveCommerce.Testing;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of the whole outside of the engine (contract v2, "Money and bad input"): bad HTTP requests to
/// every endpoint, malformed hub frames over both protocols, and wrong typed hub calls. No answer may be a 5xx,
/// every 4xx is problem details, no hub connection drops on a frame under 16 KB, and nothing changes.
/// <c>LIVECOMMERCE_FUZZ_CASES</c> sets the number of cases (10,000 by default), <c>LIVECOMMERCE_FUZZ_SEED</c> the seed.
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_input_never_gets_a_5xx_never_drops_a_hub_connection_and_changes_nothing()
    {
        var settings = FuzzSettings.FromEnvironment();
        var findings = new FuzzFindings(settings);
        var clock = Stopwatch.StartNew();
        // A refused hub call is logged by SignalR as an error with its stack: thousands of them only slow the run.
        var quiet = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = "None" };
        await using var host = new EngineHost(settings: quiet);
        await using var development = new EngineHost(settings: quiet, environment: "Development");
        var world = await FuzzWorld.CreateAsync(host);
        var before = await world.SnapshotAsync(host);

        // The shares: 58% HTTP (2% of it on /dev/token of a Development host), 15% raw JSON frames, 15% raw
        // MessagePack frames, 12% typed calls (half per protocol).
        var devCases = Math.Max(20, settings.Cases / 50);
        var httpCases = settings.Cases * 58 / 100 - devCases;
        var frameCases = settings.Cases * 15 / 100;
        var typedCases = settings.Cases - httpCases - devCases - 2 * frameCases;
        const int httpWorkers = 4;

        var http = new HttpFuzzer(world, findings);
        var work = new List<Task>();
        for (var w = 0; w < httpWorkers; w++)
        {
            var random = new Random(HashCode.Combine(settings.Seed, "http", w));
            var share = httpCases / httpWorkers + (w == 0 ? httpCases % httpWorkers : 0);
            work.Add(Task.Run(() => HttpAsync(host, http, random, share, development: false, findings)));
        }

        work.Add(Task.Run(() => HttpAsync(development, http, new Random(HashCode.Combine(settings.Seed, "dev")), devCases, development: true, findings)));
        work.Add(Task.Run(() => FramesAsync(host, world, HubProtocolKind.Json, new Random(HashCode.Combine(settings.Seed, "json")), frameCases, findings)));
        work.Add(Task.Run(() => FramesAsync(host, world, HubProtocolKind.MessagePack, new Random(HashCode.Combine(settings.Seed, "msgpack")), frameCases, findings)));
        work.Add(Task.Run(() => new TypedHubFuzzer(host, world, findings, HubProtocol.Json).RunAsync(new Random(HashCode.Combine(settings.Seed, "typed-json")), typedCases / 2)));
        work.Add(Task.Run(() => new TypedHubFuzzer(host, world, findings, HubProtocol.MessagePack).RunAsync(new Random(HashCode.Combine(settings.Seed, "typed-msgpack")), typedCases - typedCases / 2)));
        await Task.WhenAll(work);

        var after = await world.SnapshotAsync(host);
        if (after != before)
        {
            var gone = before.Split('\n').Except(after.Split('\n')).Select(line => "- " + line);
            var added = after.Split('\n').Except(before.Split('\n')).Select(line => "+ " + line);
            findings.Add("state changed", string.Join('\n', gone.Concat(added)));
        }

        var report = findings.Report() + $"  elapsed {clock.Elapsed.TotalSeconds:F1} s";
        output.WriteLine(report);
        Assert.True(findings.Cases >= settings.Cases, $"only {findings.Cases} of {settings.Cases} cases ran");
        Assert.True(findings.Count == 0, report);
    }

    private static async Task HttpAsync(EngineHost host, HttpFuzzer fuzzer, Random random, int cases, bool development, FuzzFindings findings)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            await fuzzer.RunAsync(host.Http, fuzzer.Next(random, development));
            findings.Ran();
        }

        findings.Took(development ? "http (Development)" : "http " + random.Next(1000), clock.Elapsed);
    }

    private static async Task FramesAsync(EngineHost host, FuzzWorld world, HubProtocolKind protocol, Random random, int cases, FuzzFindings findings)
    {
        RawHubConnection? connection = null;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < cases; i++)
            {
                connection ??= await RawHubConnection.ConnectAsync(host.BaseAddress, protocol, random.Next(3) == 0 ? TestTokens.For("fuzz-raw-" + protocol, "viewer") : null);
                var (payload, type, what) = protocol == HubProtocolKind.Json ? HubFrameFuzzer.Json(random, world) : HubFrameFuzzer.MessagePack(random, world);
                findings.Ran();
                try
                {
                    await connection.SendAsync(payload, type);
                }
                catch (Exception error) when (error is System.Net.WebSockets.WebSocketException or OperationCanceledException)
                {
                    findings.Add($"hub ({protocol}): connection dropped", $"#{i} {what} -> send failed: {error.Message}");
                    await connection.DisposeAsync();
                    connection = null;
                    continue;
                }

                var (open, why) = await connection.PingAsync();
                if (!open)
                {
                    findings.Add($"hub ({protocol}): connection dropped", $"#{i} {payload.Length} bytes: {what} -> {why}");
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            findings.Took("frames " + protocol, clock.Elapsed);
        }
    }
}
