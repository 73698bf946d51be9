namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// The streams one hub connection watches (at most <see cref="HubLimitsOptions.MaxStreamsPerConnection"/>, nearly
/// always one): a small array, which for a connection watching one stream costs a few dozen bytes where a hash set
/// cost several times that. Used by the connection's own hub calls, one at a time.
/// </summary>
public sealed class JoinedStreams
{
    private string[] _ids = [];

    /// <summary>How many streams are joined.</summary>
    public int Count => _ids.Length;

    /// <summary>The joined streams, as a copy that may be kept while the set changes.</summary>
    public IReadOnlyList<string> All => _ids;

    /// <summary>Whether <paramref name="streamId"/> is joined.</summary>
    public bool Contains(string streamId) => Array.IndexOf(_ids, streamId) >= 0;

    /// <summary>Adds <paramref name="streamId"/>; false when it was already there.</summary>
    public bool Add(string streamId)
    {
        if (Contains(streamId))
        {
            return false;
        }

        _ids = [.. _ids, streamId];
        return true;
    }

    /// <summary>Removes <paramref name="streamId"/>; false when it was not there.</summary>
    public bool Remove(string streamId)
    {
        var index = Array.IndexOf(_ids, streamId);
        if (index < 0)
        {
            return false;
        }

        _ids = [.. _ids[..index], .. _ids[(index + 1)..]];
        return true;
    }

    /// <summary>Forgets every stream.</summary>
    public void Clear() => _ids = [];
}
