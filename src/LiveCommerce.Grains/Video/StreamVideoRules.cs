using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;

namespace LiveCommerce.Grains.Video;

/// <summary>
/// The rules of a stream's video over its <see cref="StreamVideoState"/>: issuing and checking stream keys, which
/// pushes are on air, and the replay. Plain code over the state and the times it is given; the grain stores what
/// it changed. A refusal throws <see cref="LiveCommerceException"/> before anything changes.
/// </summary>
/// <param name="state">The state to read and change.</param>
/// <param name="streamId">The stream's id.</param>
public sealed class StreamVideoRules(StreamVideoState state, string streamId)
{
    /// <summary>The most pushes kept per stream; the oldest ended ones go first.</summary>
    public const int MaxSessions = 1_000;

    /// <summary>Whether any push is on air.</summary>
    public bool IsLive => state.Sessions.Exists(s => s.IsOpen);

    /// <summary>Makes the first key when there is none; answers whether it did.</summary>
    public bool EnsureKey(Func<string> newSecret)
    {
        ArgumentNullException.ThrowIfNull(newSecret);
        if (state.KeySecret is not null)
        {
            return false;
        }

        Rotate(newSecret);
        return true;
    }

    /// <summary>Replaces the key: from now on only the new one authorizes a push or keeps one going.</summary>
    public void Rotate(Func<string> newSecret)
    {
        ArgumentNullException.ThrowIfNull(newSecret);
        state.KeySecret = newSecret();
        state.KeyVersion++;
    }

    /// <summary>
    /// What the creator enters in the encoder (there must be a key): the RTMP address of the settings, else the one the
    /// media server gave (<paramref name="announced"/>), else the default; an address without a path gets <c>/live</c>.
    /// </summary>
    public StreamIngest Ingest(MediaOptions options, MediaServerAddresses? announced = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StreamIngest
        {
            RtmpUrl = RtmpAddress(options.RtmpUrl ?? announced?.RtmpUrl ?? MediaOptions.DefaultRtmpUrl),
            StreamKey = StreamKeys.Format(streamId, state.KeySecret ?? throw new InvalidOperationException("No key was issued.")),
        };
    }

    /// <summary>
    /// A push asks to start: refused for an unknown or ended stream and for a missing or wrong key; otherwise it is
    /// on air from <paramref name="now"/>. Answers whether the state changed (a repeated ask of an open push does not).
    /// </summary>
    public bool Authorize(LiveStream? stream, PublishCall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckPublishable(stream, call);
        if (Open(call.SessionId) is { } open)
        {
            open.LastSeenAt = now;
            return false;
        }

        Start(call, now);
        return true;
    }

    /// <summary>
    /// The media server reports a push going on: refused (so that it is dropped) when its key is no longer the current
    /// one or the stream ended; otherwise it is seen now. A push that had timed out is on air again; a push the engine
    /// never heard of (its start was lost) starts now. Answers whether the stream went live again because of it.
    /// </summary>
    public bool Continue(LiveStream? stream, PublishCall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckPublishable(stream, call);
        var wasLive = IsLive;
        if (Open(call.SessionId) is { } open)
        {
            open.LastSeenAt = now;
        }
        else if (state.Sessions.LastOrDefault(s => s.Id == call.SessionId) is { TimedOut: true } resumed)
        {
            resumed.EndedAt = null;
            resumed.TimedOut = false;
            resumed.LastSeenAt = now;
        }
        else
        {
            Start(call, now);
        }

        return !wasLive;
    }

    /// <summary>A push stopped; answers whether it was on air.</summary>
    public bool End(string sessionId, DateTimeOffset now)
    {
        if (Open(sessionId) is not { } open)
        {
            return false;
        }

        open.EndedAt = now > open.StartedAt ? now : open.StartedAt;
        open.LastSeenAt = now;
        return true;
    }

    /// <summary>Ends the pushes not reported for longer than <paramref name="timeout"/>, at their last report; answers whether any.</summary>
    public bool ExpireStale(DateTimeOffset now, TimeSpan timeout)
    {
        var expired = false;
        foreach (var session in state.Sessions.Where(s => s.IsOpen && now - s.LastSeenAt > timeout))
        {
            session.EndedAt = session.LastSeenAt;
            session.TimedOut = true;
            expired = true;
        }

        return expired;
    }

    /// <summary>The video as viewers see it now (<paramref name="announced"/>: what the media server gave when it started).</summary>
    public StreamVideo Video(MediaOptions options, MediaServerAddresses? announced = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var open = state.Sessions.LastOrDefault(s => s.IsOpen);
        return open is null
            ? StreamVideo.Offline
            : new StreamVideo { Status = VideoStates.Live, PlaybackUrl = $"{PlaybackBase(options, open, announced)}/{Uri.EscapeDataString(streamId)}.m3u8" };
    }

    /// <summary>Records a moment for the timeline; answers false (and keeps nothing) for a bad or a surplus one.</summary>
    public bool Record(TimelineEntry entry, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!TimelineKinds.All.Contains(entry.Kind) || string.IsNullOrWhiteSpace(entry.ProductId) || state.Timeline.Count >= maxEntries)
        {
            return false;
        }

        state.Timeline.Add(entry);
        return true;
    }

    /// <summary>The replay of an ended stream (409 before it ended, 404 for an unknown stream).</summary>
    public StreamReplay Replay(LiveStream? stream, MediaOptions options, DateTimeOffset now, MediaServerAddresses? announced = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (stream is null)
        {
            throw LiveCommerceException.NotFound($"Stream '{streamId}' was not found.");
        }

        if (stream.Status != StreamStatus.Ended)
        {
            throw LiveCommerceException.Conflict("The replay is ready once the stream has ended.");
        }

        var clock = new ReplayClock(state.Sessions, now);
        var last = state.Sessions.LastOrDefault();
        return new StreamReplay
        {
            StreamId = streamId,
            PlaybackUrl = last is null ? null : $"{PlaybackBase(options, last, announced)}/replay/{Uri.EscapeDataString(streamId)}.m3u8",
            DurationSeconds = Seconds(clock.Duration),
            Timeline = state.Timeline
                .Select((entry, index) => (entry, index))
                .OrderBy(e => e.entry.At).ThenBy(e => e.index)
                .Select(e => new ReplayMoment
                {
                    OffsetSeconds = Seconds(clock.OffsetOf(e.entry.At)),
                    Kind = e.entry.Kind,
                    ProductId = e.entry.ProductId,
                    At = e.entry.At,
                })
                .ToList(),
        };
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3, MidpointRounding.AwayFromZero);

    private static string PlaybackBase(MediaOptions options, PublishSession session, MediaServerAddresses? announced) =>
        (options.PlaybackBaseUrl ?? session.PlaybackBaseUrl ?? announced?.PlaybackBaseUrl ?? MediaOptions.DefaultPlaybackBaseUrl).TrimEnd('/');

    private static string RtmpAddress(string url)
    {
        var trimmed = url.TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.AbsolutePath is "" or "/"
            ? $"{trimmed}/{MediaOptions.DefaultApplication}"
            : trimmed;
    }

    private void CheckPublishable(LiveStream? stream, PublishCall call)
    {
        if (stream is null)
        {
            throw LiveCommerceException.NotFound($"Stream '{streamId}' was not found.");
        }

        if (stream.Status == StreamStatus.Ended)
        {
            throw LiveCommerceException.Conflict("The stream has ended; it takes no more video.");
        }

        if (!StreamKeys.Matches(state.KeySecret, call.Key))
        {
            throw LiveCommerceException.Forbidden("The stream key is wrong or was replaced; get the current one in the studio.");
        }
    }

    private PublishSession? Open(string sessionId) => state.Sessions.LastOrDefault(s => s.IsOpen && s.Id == sessionId);

    private void Start(PublishCall call, DateTimeOffset now)
    {
        state.Sessions.Add(new PublishSession
        {
            Id = call.SessionId,
            StartedAt = now,
            LastSeenAt = now,
            PlaybackBaseUrl = call.PlaybackBaseUrl,
        });
        while (state.Sessions.Count > MaxSessions && state.Sessions.FindIndex(s => !s.IsOpen) is var oldest and >= 0)
        {
            state.Sessions.RemoveAt(oldest);
        }
    }
}
