using LiveCommerce.Abstractions.Auctions;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Giveaways;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Sales;

/// <inheritdoc cref="IStreamSalesGrain" />
/// <remarks>
/// A sale's id is stored, as still to be announced, before the sale starts, and its start is announced only after it
/// is stored, so a viewer who joins at any moment has it in the snapshot or gets the start event; a start a crash cut
/// off is announced when this grain comes back. The checks are <see cref="SaleRules"/>.
/// </remarks>
public sealed partial class StreamSalesGrain(
    [PersistentState("sales")] IPersistentState<StreamSalesState> state,
    IStreamNotifier notifier,
    TimeProvider time,
    ILogger<StreamSalesGrain> logger) : Grain, IStreamSalesGrain
{
    private string StreamId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in state.State.Unannounced.ToList())
        {
            if (!state.State.All.TryGetValue(id, out var kind) || await StartedAsync(kind, id) is not { } started)
            {
                state.State.Unannounced.Remove(id);
                state.State.Running.Remove(id);
                continue;
            }

            await notifier.SendAsync(StreamId, StartEvent(kind), started, cancellationToken);
            state.State.Unannounced.Remove(id);
        }

        await TryWriteAsync();
    }

    /// <inheritdoc />
    public async Task<Auction> StartAuctionAsync(string callerId, CreateAuctionRequest request)
    {
        var (stream, product) = await ReadAsync(callerId, request.ProductId, "Auctions");
        SaleRules.CheckAuction(request, product, stream.CreatorId);
        var spec = new AuctionSpec
        {
            StreamId = StreamId, CreatorId = stream.CreatorId, ProductId = product.Id, Name = product.Name, ListPrice = product.Price,
            StartingBid = request.StartingBid!, BidIncrement = request.BidIncrement!, ReservePrice = request.ReservePrice,
            Duration = SaleRules.Duration(request.DurationSeconds), AntiSnipeSeconds = request.AntiSnipeSeconds ?? 10,
            SuddenDeath = request.SuddenDeath ?? false,
        };
        var auction = await StartAsync(SaleKind.Auction, id => GrainFactory.GetGrain<IAuctionGrain>(id).StartAsync(spec),
            id => GrainFactory.GetGrain<IAuctionGrain>(id).AbortAsync());
        Moment(TimelineKinds.AuctionStarted, product.Id);
        return auction;
    }

    /// <inheritdoc />
    public async Task<Giveaway> StartGiveawayAsync(string callerId, CreateGiveawayRequest request)
    {
        var (stream, product) = await ReadAsync(callerId, request.ProductId, "Giveaways");
        SaleRules.CheckGiveaway(request, product, stream.CreatorId);
        var spec = new GiveawaySpec
        {
            StreamId = StreamId, CreatorId = stream.CreatorId, ProductId = product.Id, Name = product.Name, ListPrice = product.Price,
            Winners = request.Winners!.Value, Duration = SaleRules.Duration(request.DurationSeconds),
        };
        return await StartAsync(SaleKind.Giveaway, id => GrainFactory.GetGrain<IGiveawayGrain>(id).StartAsync(spec),
            id => GrainFactory.GetGrain<IGiveawayGrain>(id).AbortAsync());
    }

    /// <inheritdoc />
    public async Task<Voucher> DropVoucherAsync(string callerId, CreateVoucherRequest request)
    {
        SaleRules.CheckStream(await GrainFactory.GetGrain<ILiveStreamGrain>(StreamId).GetAsync(), callerId, "Vouchers");
        SaleRules.CheckVoucher(request);
        var spec = new VoucherSpec
        {
            StreamId = StreamId, Discount = request.Discount!, MinSpend = request.MinSpend!, Quantity = request.Quantity!.Value,
            PerViewerLimit = request.PerViewerLimit ?? 1, Duration = SaleRules.Duration(request.DurationSeconds),
        };
        return await StartAsync(SaleKind.Voucher, id => GrainFactory.GetGrain<IVoucherGrain>(id).StartAsync(spec), _ => Task.FromResult(true));
    }

    /// <inheritdoc />
    public async Task CancelAsync(string callerId, string saleId)
    {
        var stream = await GrainFactory.GetGrain<ILiveStreamGrain>(StreamId).GetAsync()
            ?? throw LiveCommerceException.NotFound("The stream was not found.");
        if (stream.CreatorId != callerId)
        {
            throw LiveCommerceException.Forbidden("This stream belongs to another creator.");
        }

        if (!state.State.All.TryGetValue(saleId, out var kind))
        {
            throw LiveCommerceException.NotFound($"'{saleId}' is not a sale of this stream.");
        }

        await CancelSaleAsync(kind, saleId);
    }

    /// <inheritdoc />
    public async Task<RunningSales> GetRunningAsync()
    {
        if (state.State.Running.Count == 0)
        {
            return RunningSales.None;
        }

        var auctions = new List<Task<Auction?>>();
        var giveaways = new List<Task<Giveaway?>>();
        var vouchers = new List<Task<Voucher?>>();
        foreach (var (id, kind) in state.State.Running)
        {
            switch (kind)
            {
                case SaleKind.Auction: auctions.Add(GrainFactory.GetGrain<IAuctionGrain>(id).GetAsync()); break;
                case SaleKind.Giveaway: giveaways.Add(GrainFactory.GetGrain<IGiveawayGrain>(id).GetAsync(false)); break;
                default: vouchers.Add(GrainFactory.GetGrain<IVoucherGrain>(id).GetAsync()); break;
            }
        }

        return new RunningSales(
            (await Task.WhenAll(auctions)).OfType<Auction>().Where(a => a.Status == "active").ToList(),
            (await Task.WhenAll(giveaways)).OfType<Giveaway>().Where(g => g.Status == "active").ToList(),
            (await Task.WhenAll(vouchers)).OfType<Voucher>().Where(v => v.Status == "active").ToList());
    }

    /// <inheritdoc />
    public async Task SaleEndedAsync(string saleId)
    {
        if (state.State.Running.Remove(saleId) | state.State.Unannounced.Remove(saleId))
        {
            await TryWriteAsync();
        }
    }

    /// <inheritdoc />
    public async Task EndAllAsync()
    {
        foreach (var (id, kind) in state.State.Running.ToList())
        {
            await CancelSaleAsync(kind, id);
        }
    }

    /// <summary>Cancels one sale of the stream.</summary>
    private Task CancelSaleAsync(string kind, string saleId) => kind switch
    {
        SaleKind.Auction => GrainFactory.GetGrain<IAuctionGrain>(saleId).CancelAsync(),
        SaleKind.Giveaway => GrainFactory.GetGrain<IGiveawayGrain>(saleId).CancelAsync(),
        _ => GrainFactory.GetGrain<IVoucherGrain>(saleId).CancelAsync(),
    };

    private async Task<T> StartAsync<T>(string kind, Func<string, Task<T>> start, Func<string, Task<bool>> abort)
        where T : class
    {
        var id = Guid.NewGuid().ToString("N");
        state.State.All[id] = kind;
        state.State.Running[id] = kind;
        state.State.Unannounced.Add(id);
        await state.WriteOrReloadAsync(this);
        T started;
        try
        {
            started = await start(id);
        }
        catch (Exception error)
        {
            // A start that was refused or could not be confirmed is aborted: nothing of it stays in stock or in view.
            if (error is LiveCommerceException || await TryAbortAsync(abort, id))
            {
                state.State.Running.Remove(id);
                state.State.Unannounced.Remove(id);
                await TryWriteAsync();
            }

            throw;
        }

        await notifier.SendAsync(StreamId, StartEvent(kind), started);
        state.State.Unannounced.Remove(id);
        await TryWriteAsync();
        return started;
    }

    private async Task<object?> StartedAsync(string kind, string id) => kind switch
    {
        SaleKind.Auction => await GrainFactory.GetGrain<IAuctionGrain>(id).GetAsync() is { Status: "active" } a ? a : null,
        SaleKind.Giveaway => await GrainFactory.GetGrain<IGiveawayGrain>(id).GetAsync(false) is { Status: "active" } g ? g : null,
        _ => await GrainFactory.GetGrain<IVoucherGrain>(id).GetAsync() is { Status: "active" } v ? v : null,
    };

    private static string StartEvent(string kind) => kind switch
    {
        SaleKind.Auction => HubEvents.AuctionStarted,
        SaleKind.Giveaway => HubEvents.GiveawayStarted,
        _ => HubEvents.VoucherDropped,
    };

    private async Task<(LiveStream Stream, Product Product)> ReadAsync(string callerId, string? productId, string what)
    {
        var stream = await GrainFactory.GetGrain<ILiveStreamGrain>(StreamId).GetAsync();
        SaleRules.CheckStream(stream, callerId, what);
        if (string.IsNullOrEmpty(productId))
        {
            throw LiveCommerceException.Invalid("productId is required.");
        }

        SaleRules.CheckListed(stream!, productId);
        var product = await GrainFactory.GetGrain<IProductGrain>(productId).GetAsync()
            ?? throw LiveCommerceException.NotFound($"Product '{productId}' was not found.");
        return (stream!, product);
    }

    private async Task<bool> TryAbortAsync(Func<string, Task<bool>> abort, string id)
    {
        try
        {
            return await abort(id);
        }
        catch (Exception error)
        {
            // The sale's own reminder settles a start left half-way.
            LogDeferred(logger, StreamId, error);
            return false;
        }
    }

    private void Moment(string kind, string productId) =>
        GrainFactory.GetGrain<IStreamVideoGrain>(StreamId).RecordAsync(new TimelineEntry(kind, productId, time.GetUtcNow())).Ignore();

    private async Task TryWriteAsync()
    {
        if (await state.TryWriteOrReloadAsync(this) is { } error)
        {
            LogDeferred(logger, StreamId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sales of stream {StreamId}: a write or an abort was deferred")]
    private static partial void LogDeferred(ILogger logger, string streamId, Exception error);
}
