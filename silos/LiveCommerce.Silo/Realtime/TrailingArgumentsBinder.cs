using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Realtime;

/// <summary>A binder that reports a hub method's parameters without its last <c>omitted</c> ones (see <see cref="TolerantHubProtocol"/>).</summary>
/// <param name="inner">The hub's binder.</param>
/// <param name="omitted">How many trailing parameters to leave out.</param>
public sealed class TrailingArgumentsBinder(IInvocationBinder inner, int omitted) : IInvocationBinder
{
    /// <inheritdoc />
    public IReadOnlyList<Type> GetParameterTypes(string methodName)
    {
        var types = inner.GetParameterTypes(methodName);
        return [.. types.Take(Math.Max(0, types.Count - omitted))];
    }

    /// <inheritdoc />
    public Type GetReturnType(string invocationId) => inner.GetReturnType(invocationId);

    /// <inheritdoc />
    public Type GetStreamItemType(string streamId) => inner.GetStreamItemType(streamId);

    /// <inheritdoc />
    public string? GetTarget(ReadOnlySpan<byte> utf8Bytes) => inner.GetTarget(utf8Bytes);
}
