using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Testing;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// A signed-in viewer of a fault run over a real SignalR connection (reconnecting on its own after a drop), who
/// checks out retrying the same idempotency key on failure and tells the <see cref="CommerceLedger"/> what was
/// answered.
/// </summary>
public sealed class FaultBuyer : IAsyncDisposable
{
    private readonly CommerceLedger _ledger;

    private FaultBuyer(string id, LiveViewerClient client, CommerceLedger ledger, Random random)
    {
        Id = id;
        Client = client;
        _ledger = ledger;
        Random = random;
    }

    /// <summary>The buyer's <c>sub</c>.</summary>
    public string Id { get; }

    /// <summary>The hub connection.</summary>
    public LiveViewerClient Client { get; }

    /// <summary>The buyer's own seeded choices.</summary>
    public Random Random { get; }

    /// <summary>Reservations this buyer got.</summary>
    public List<string> Reservations { get; } = [];

    /// <summary>Connects <paramref name="id"/> to the engine at <paramref name="baseAddress"/>, joins <paramref name="streamId"/>.</summary>
    public static async Task<FaultBuyer> ConnectAsync(Uri baseAddress, string id, string streamId, CommerceLedger ledger, int seed, HubProtocol protocol = HubProtocol.Json)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var token = TestTokens.For(id, "viewer");
        var client = new LiveViewerClient(new LiveClientOptions
        {
            BaseAddress = baseAddress,
            Protocol = protocol,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            ReconnectDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)],
        });
        await client.StartAsync();
        await client.JoinStreamAsync(streamId);
        ledger.Buyer(id);
        return new FaultBuyer(id, client, ledger, new Random(seed));
    }

    /// <summary>
    /// Checks out <paramref name="key"/>, trying again with the same key up to <paramref name="attempts"/> times while
    /// it fails (a refusal, an engine error, a lost connection); the confirmed answer, or null.
    /// </summary>
    public async Task<Order?> CheckoutAsync(string key, int attempts = 3, TimeSpan? reconnectWait = null)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var order = await TryAsync(async () =>
            {
                _ledger.CheckoutCalled();
                return await Client.CheckoutAsync(key);
            }, reconnectWait);
            if (order is not null)
            {
                _ledger.Answered(Id, key, order, attempt);
                return order;
            }

            await Task.Delay(Random.Next(20, 120));
        }

        return null;
    }

    /// <summary>Claims a unit of <paramref name="offerId"/>; the reservation id when one was reserved.</summary>
    public async Task<string?> ClaimAsync(string streamId, string offerId, TimeSpan? reconnectWait = null)
    {
        var claim = await TryAsync(() => Client.ClaimOfferAsync(streamId, offerId), reconnectWait);
        if (claim?.ReservationId is { } reservation)
        {
            Reservations.Add(reservation);
            return reservation;
        }

        return null;
    }

    /// <summary>
    /// Runs one hub call: its answer, or default when it was refused (<see cref="HubException"/>, counted in the
    /// ledger) or the connection failed (then it first waits up to <paramref name="reconnectWait"/> for the client
    /// to reconnect).
    /// </summary>
    public async Task<T?> TryAsync<T>(Func<Task<T>> call, TimeSpan? reconnectWait = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (HubException refused)
        {
            _ledger.Refused(refused.Message);
        }
        catch (Exception lost) when (lost is InvalidOperationException or TaskCanceledException or OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
            _ledger.Refused("connection: " + lost.GetType().Name);
            await WaitConnectedAsync(reconnectWait ?? TimeSpan.FromSeconds(30));
        }

        return default;
    }

    /// <summary>Waits until the client is connected again (it reconnects and rejoins by itself).</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Client.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Give the rejoin a moment to land.
        await Task.Delay(50);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
