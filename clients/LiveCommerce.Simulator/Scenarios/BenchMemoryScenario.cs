using System.Globalization;
using LiveCommerce.Client;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// Memory per connected viewer: the server's resident set (VmRSS of <c>--pid</c>) while idle, then again after
/// <c>--viewers</c> bare-socket viewers connected (and, on the engine, joined a live stream) and stayed idle for
/// <c>--idle</c> seconds; the growth divided by the viewers. A few viewers connect and leave first, so that code
/// loaded on first use is not counted as the viewers' memory.
/// </summary>
public sealed class BenchMemoryScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int WarmupViewers = 50;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        var viewers = options.Viewers;
        Func<RawViewer, Task>? join = null;
        string? streamId = null;
        LiveApiClient? creator = null;
        if (!options.AgainstBaseline)
        {
            (var stream, _, creator) = await DemoShop.OpenAsync(http, tokens, products: 2, stock: 100);
            streamId = stream.Id;
            join = BenchTarget.Join(stream.Id);
        }

        var endpoints = BenchTarget.Endpoints(options);
        var idle = TimeSpan.FromSeconds(options.IdleSeconds);
        await using var swarm = new RawSocketSwarm(null);
        await swarm.ConnectAsync(Math.Min(WarmupViewers, viewers), options.ConnectBatch, endpoints, _ => Task.FromResult<string?>(null), join, null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await swarm.CloseAllAsync();
        await Task.Delay(idle);

        var before = Resident();
        var clientBefore = ProcessMemory.OwnResidentKilobytes();
        Console.Error.WriteLine(FormattableString.Invariant($"idle server RSS: {before / 1024.0:0.0} MiB"));
        await swarm.ConnectAsync(viewers, options.ConnectBatch, endpoints, _ => Task.FromResult<string?>(null), join,
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{viewers}   "));
        Console.Error.WriteLine();
        await Task.Delay(idle);
        var after = Resident();
        var clientAfter = ProcessMemory.OwnResidentKilobytes();
        var open = swarm.Viewers.Count(v => v.IsOpen);
        var held = creator is null
            ? int.Parse(await http.GetStringAsync(new Uri("/count", UriKind.Relative)), CultureInfo.InvariantCulture)
            : (await creator.GetStreamAsync(streamId!)).ViewerCount;
        Console.Error.WriteLine(FormattableString.Invariant($"server RSS with {open} viewers: {after / 1024.0:0.0} MiB"));

        var growth = after - before;
        return new Summary("bench-memory")
            .Add("target", options.Target)
            .Add("servers", options.Pids.Count)
            .Add("viewers", viewers)
            .Add("idleSeconds", options.IdleSeconds, "s")
            .Add("rssBeforeKiB", before, "KiB")
            .Add("rssAfterKiB", after, "KiB")
            .Add("rssGrowthKiB", growth, "KiB")
            .Add("perViewerKiB", (double)growth / viewers, "KiB")
            .Add("clientPerViewerKiB", (double)(clientAfter - clientBefore) / viewers, "KiB")
            .Add("openViewers", open)
            .Add("serverCountsViewers", held)
            .Check("everyViewerOpen", open == viewers);
    }

    private long Resident() => options.Pids.Sum(ProcessMemory.ResidentKilobytes);
}
