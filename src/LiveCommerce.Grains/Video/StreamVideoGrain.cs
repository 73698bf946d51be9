using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Video;

/// <inheritdoc cref="IStreamVideoGrain" />
/// <remarks>
/// A shell over <see cref="StreamVideoState"/> and <see cref="StreamVideoRules"/>: it reads the stream, lets the rules
/// decide, stores, and then tells the stream grain the video's status (retried every second until it went through).
/// While a push is on air a timer, and a reminder after a crash, end pushes the media server stopped reporting.
/// </remarks>
public sealed partial class StreamVideoGrain(
    [PersistentState("video")] IPersistentState<StreamVideoState> state,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<StreamVideoGrain> logger) : Grain, IStreamVideoGrain, IRemindable
{
    private const string ReminderName = "video-sessions";
    private static readonly TimeSpan AnnounceRetry = TimeSpan.FromSeconds(1);
    private readonly MediaOptions _options = options.Value;
    private StreamVideo? _announced;
    private IGrainTimer? _announceTimer;
    private IGrainTimer? _expiryTimer;
    private bool _reminderSet;

    private string StreamId => this.GetPrimaryKeyString();

    // Built over the current state each time: a failed write reads the state back into a new object.
    private StreamVideoRules Rules => new(state.State, StreamId);

    private ILiveStreamGrain Stream => GrainFactory.GetGrain<ILiveStreamGrain>(StreamId);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Rules.IsLive)
        {
            await WatchSessionsAsync();
        }
    }

    /// <inheritdoc />
    public async Task<StreamIngest> GetIngestAsync(string callerId)
    {
        await OwnedAsync(callerId);
        if (Rules.EnsureKey(StreamKeys.NewSecret))
        {
            await state.WriteOrReloadAsync(this);
        }

        return Rules.Ingest(_options, await AnnouncedAsync());
    }

    /// <inheritdoc />
    public async Task<StreamIngest> RotateKeyAsync(string callerId)
    {
        await OwnedAsync(callerId);
        Rules.Rotate(StreamKeys.NewSecret);
        await state.WriteOrReloadAsync(this);
        LogKeyRotated(logger, StreamId, state.State.KeyVersion);
        return Rules.Ingest(_options, await AnnouncedAsync());
    }

    /// <inheritdoc />
    public async Task AuthorizePublishAsync(PublishCall call)
    {
        var stream = await Stream.GetAsync();
        try
        {
            if (Rules.Authorize(stream, call, time.GetUtcNow()))
            {
                await state.WriteOrReloadAsync(this);
                LogPublishStarted(logger, StreamId, call.SessionId);
            }
        }
        catch (LiveCommerceException refused)
        {
            LogPublishRefused(logger, StreamId, call.SessionId, refused.Message);
            throw;
        }

        await AnnounceAsync();
        await WatchSessionsAsync();
    }

    /// <inheritdoc />
    public async Task ContinuePublishAsync(PublishCall call)
    {
        var stream = await Stream.GetAsync();
        try
        {
            Rules.Continue(stream, call, time.GetUtcNow());
        }
        catch (LiveCommerceException refused)
        {
            LogPublishRefused(logger, StreamId, call.SessionId, refused.Message);
            throw;
        }

        await state.WriteOrReloadAsync(this);
        await AnnounceAsync();
        await WatchSessionsAsync();
    }

    /// <inheritdoc />
    public async Task PublishEndedAsync(PublishCall call)
    {
        if (Rules.End(call.SessionId, time.GetUtcNow()))
        {
            await state.WriteOrReloadAsync(this);
            LogPublishEnded(logger, StreamId, call.SessionId);
        }

        await AnnounceAsync();
        await WatchSessionsAsync();
    }

    /// <inheritdoc />
    public async Task RecordAsync(TimelineEntry entry)
    {
        if (!Rules.Record(entry, _options.MaxTimelineEntries))
        {
            LogMomentLeftOut(logger, StreamId, entry.Kind);
            return;
        }

        if (await state.TryWriteOrReloadAsync(this) is { } error)
        {
            LogMomentLost(logger, StreamId, entry.Kind, error);
        }
    }

    /// <inheritdoc />
    public async Task<StreamReplay> GetReplayAsync() =>
        Rules.Replay(await Stream.GetAsync(), _options, time.GetUtcNow(), await AnnouncedAsync());

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderSet = true;
        return ExpireAsync(CancellationToken.None);
    }

    /// <summary>What the media server said about itself, needed only where the settings leave an address out.</summary>
    private async Task<MediaServerAddresses?> AnnouncedAsync() =>
        _options.RtmpUrl is not null && _options.PlaybackBaseUrl is not null
            ? null
            : await GrainFactory.GetGrain<IMediaServerGrain>(0).GetAsync();

    private async Task<LiveStream> OwnedAsync(string callerId)
    {
        var stream = await Stream.GetAsync() ?? throw LiveCommerceException.NotFound($"Stream '{StreamId}' was not found.");
        return stream.CreatorId == callerId
            ? stream
            : throw LiveCommerceException.Forbidden("The stream's video settings are for its creator only.");
    }

    /// <summary>Tells the stream grain the video's status when it changed since it was last told.</summary>
    private async Task AnnounceAsync()
    {
        try
        {
            var video = Rules.Video(_options, Rules.IsLive ? await AnnouncedAsync() : null);
            if (video == _announced)
            {
                return;
            }

            await Stream.SetVideoAsync(video);
            _announced = video;
            _announceTimer?.Dispose();
            _announceTimer = null;
        }
        catch (Exception error)
        {
            LogAnnounceDeferred(logger, StreamId, error);
            _announceTimer ??= this.RegisterGrainTimer(_ => AnnounceAsync(), AnnounceRetry, AnnounceRetry);
        }
    }

    /// <summary>Keeps a timer and a reminder while a push is on air, and drops them when none is.</summary>
    private async Task WatchSessionsAsync()
    {
        if (Rules.IsLive)
        {
            var period = _options.SessionTimeout / 3 > TimeSpan.FromSeconds(1) ? _options.SessionTimeout / 3 : TimeSpan.FromSeconds(1);
            _expiryTimer ??= this.RegisterGrainTimer(ExpireAsync, period, period);
            if (!_reminderSet)
            {
                await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                _reminderSet = true;
            }

            return;
        }

        _expiryTimer?.Dispose();
        _expiryTimer = null;
        if (_reminderSet)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderSet = false;
        }
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        if (Rules.ExpireStale(time.GetUtcNow(), _options.SessionTimeout))
        {
            LogPushesTimedOut(logger, StreamId);
            if (await state.TryWriteOrReloadAsync(this) is { } error)
            {
                LogAnnounceDeferred(logger, StreamId, error);
                return;
            }
        }

        await AnnounceAsync();
        await WatchSessionsAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId}: push {SessionId} is on air")]
    private static partial void LogPublishStarted(ILogger logger, string streamId, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId}: push {SessionId} stopped")]
    private static partial void LogPublishEnded(ILogger logger, string streamId, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: push {SessionId} refused: {Reason}")]
    private static partial void LogPublishRefused(ILogger logger, string streamId, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: the media server stopped reporting a push; it is taken as over")]
    private static partial void LogPushesTimedOut(ILogger logger, string streamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream {StreamId}: stream key replaced (version {KeyVersion})")]
    private static partial void LogKeyRotated(ILogger logger, string streamId, int keyVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: a {Kind} moment is left out of the replay (unknown kind, no product, or the timeline is full)")]
    private static partial void LogMomentLeftOut(ILogger logger, string streamId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: a {Kind} moment could not be stored; the replay goes without it")]
    private static partial void LogMomentLost(ILogger logger, string streamId, string kind, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: the video status or a write is deferred; it is retried")]
    private static partial void LogAnnounceDeferred(ILogger logger, string streamId, Exception error);
}
