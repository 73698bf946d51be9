using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace LiveCommerce.Contracts.Serialization;

/// <summary>
/// The MessagePack resolver of the hub protocol: primitives as MessagePack has them, every other type
/// in its JSON shape through <see cref="JsonShapedFormatter{T}"/>. Used by the engine and its clients.
/// </summary>
public sealed class ContractResolver : IFormatterResolver
{
    /// <summary>The single instance.</summary>
    public static readonly ContractResolver Instance = new();

    /// <summary>Options for the SignalR MessagePack protocol.</summary>
    public static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(Instance).WithSecurity(MessagePackSecurity.UntrustedData);

    private ContractResolver()
    {
    }

    /// <inheritdoc />
    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter =
            BuiltinResolver.Instance.GetFormatter<T>()
            ?? (IMessagePackFormatter<T>)(object)JsonShapedFormatter<T>.Instance;
    }
}
