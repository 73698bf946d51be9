using System.Diagnostics;
using LiveCommerce.Client;

namespace LiveCommerce.Simulator.Swarm;

/// <summary>Many viewer connections spread over one engine or a cluster.</summary>
public sealed class ViewerSwarm : IAsyncDisposable
{
    private readonly List<LiveViewerClient> _viewers = [];

    /// <summary>The connected viewers.</summary>
    public IReadOnlyList<LiveViewerClient> Viewers => _viewers;

    /// <summary>Milliseconds each viewer took to connect and join.</summary>
    public List<double> ConnectMilliseconds { get; } = [];

    /// <summary>Connects <paramref name="count"/> viewers, a batch at a time, and joins them to <paramref name="streamId"/>.</summary>
    public async Task ConnectAsync(
        SimulatorOptions options, string streamId, int count, Func<int, Task<string?>> tokenOf, Action<int, LiveViewerClient>? wire, Action<int>? progress)
    {
        for (var start = 0; start < count; start += options.ConnectBatch)
        {
            var batch = Enumerable.Range(start, Math.Min(options.ConnectBatch, count - start));
            var connected = await Task.WhenAll(batch.Select(async index =>
            {
                var token = await tokenOf(index);
                var client = new LiveViewerClient(new LiveClientOptions
                {
                    BaseAddress = options.Urls[index % options.Urls.Count],
                    Protocol = options.ProtocolOf(index),
                    AccessTokenProvider = () => Task.FromResult(token),
                });
                wire?.Invoke(index, client);
                var clock = Stopwatch.StartNew();
                await client.StartAsync();
                await client.JoinStreamAsync(streamId);
                return (client, clock.Elapsed.TotalMilliseconds);
            }));
            foreach (var (client, ms) in connected)
            {
                _viewers.Add(client);
                ConnectMilliseconds.Add(ms);
            }

            progress?.Invoke(_viewers.Count);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_viewers.Select(v => v.DisposeAsync().AsTask()));
        _viewers.Clear();
    }
}
