using LiveCommerce.Contracts.Chat;

namespace LiveCommerce.Grains.Chat;

/// <summary>A bounded log of a stream's latest comments, oldest dropped first; plain rules, no grain.</summary>
public sealed class RecentComments(int capacity)
{
    private readonly LinkedList<ChatComment> _comments = new();

    /// <summary>Comments held.</summary>
    public int Count => _comments.Count;

    /// <summary>Adds a comment, dropping the oldest beyond the capacity.</summary>
    public void Add(ChatComment comment)
    {
        _comments.AddFirst(comment);
        while (_comments.Count > Math.Max(1, capacity))
        {
            _comments.RemoveLast();
        }
    }

    /// <summary>Removes a comment by id; false if it is not held.</summary>
    public bool Remove(string commentId)
    {
        for (var node = _comments.First; node is not null; node = node.Next)
        {
            if (node.Value.Id == commentId)
            {
                _comments.Remove(node);
                return true;
            }
        }

        return false;
    }

    /// <summary>Up to <paramref name="limit"/> comments, newest first, of <paramref name="intent"/> or all.</summary>
    public IReadOnlyList<ChatComment> Latest(string? intent, int limit) =>
        [.. _comments.Where(c => intent is null || c.Intent == intent).Take(Math.Max(0, limit))];
}
