namespace LiveCommerce.Grains.Video;

/// <summary>
/// Maps wall-clock moments to offsets in a stream's recording. The recording is the pushes one after the other,
/// without the gaps between them (overlapping pushes count once). A moment before the first push is at offset 0, a
/// moment in a gap at the offset where the next push starts, and a moment after the last push at the end.
/// </summary>
public sealed class ReplayClock
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End)> _spans = [];

    /// <summary>A clock over <paramref name="sessions"/>; a push still on air counts until <paramref name="now"/>.</summary>
    public ReplayClock(IEnumerable<PublishSession> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        foreach (var (start, end) in sessions.Select(s => (s.StartedAt, End: s.EndedAt ?? (now > s.StartedAt ? now : s.StartedAt)))
                     .OrderBy(s => s.StartedAt))
        {
            if (_spans.Count > 0 && start <= _spans[^1].End)
            {
                if (end > _spans[^1].End)
                {
                    _spans[^1] = (_spans[^1].Start, end);
                }
            }
            else
            {
                _spans.Add((start, end));
            }
        }

        Duration = TimeSpan.FromTicks(_spans.Sum(s => (s.End - s.Start).Ticks));
    }

    /// <summary>How long the recording runs.</summary>
    public TimeSpan Duration { get; }

    /// <summary>When the video first went live, or null when it never did.</summary>
    public DateTimeOffset? StartedAt => _spans.Count > 0 ? _spans[0].Start : null;

    /// <summary>The offset of wall-clock moment <paramref name="at"/> in the recording.</summary>
    public TimeSpan OffsetOf(DateTimeOffset at)
    {
        var offset = TimeSpan.Zero;
        foreach (var (start, end) in _spans)
        {
            if (at < start)
            {
                return offset;
            }

            if (at <= end)
            {
                return offset + (at - start);
            }

            offset += end - start;
        }

        return offset;
    }
}
