using System.Collections.Concurrent;

namespace LiveCommerce.Testing;

/// <summary>Collects the events one client received and waits for one that matches.</summary>
/// <typeparam name="T">The event's payload.</typeparam>
public sealed class Inbox<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Everything received so far.</summary>
    public IReadOnlyCollection<T> Items => _items;

    /// <summary>Adds an item (wire it to a client event).</summary>
    public void Add(T item)
    {
        _items.Enqueue(item);
        _arrived.Release();
    }

    /// <summary>Waits until an item matching <paramref name="match"/> has arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _items.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No matching {typeof(T).Name} arrived; got {_items.Count}: {string.Join(", ", _items)}");
            }
        }
    }
}
