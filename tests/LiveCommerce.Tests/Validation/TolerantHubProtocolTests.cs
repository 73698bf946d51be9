using System.Buffers;
using System.Text;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Silo.Realtime;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Tests.Validation;

/// <summary>Unreadable hub frames become a refused invocation instead of a closed connection.</summary>
public sealed class TolerantHubProtocolTests
{
    private static readonly TolerantHubProtocol Json = new(new JsonHubProtocol(Options.Create(Configured())), NullLogger<TolerantHubProtocol>.Instance);

    private static readonly TolerantHubProtocol MessagePack = new(
        new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions { SerializerOptions = ContractResolver.Options })),
        NullLogger<TolerantHubProtocol>.Instance);

    [Theory]
    [InlineData(63)]
    [InlineData(200)]
    [InlineData(5000)]
    public void Deeply_nested_JSON_arguments_refuse_the_invocation_and_keep_the_rest_of_the_input(int depth)
    {
        var frame = "{\"type\":1,\"invocationId\":\"7\",\"target\":\"JoinStream\",\"arguments\":[" + new string('[', depth) + new string(']', depth) + "]}\u001e";
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(frame + Ping("8")));

        Assert.True(Json.TryParseMessage(ref input, new Binder(), out var first));
        var refused = Assert.IsType<InvocationBindingFailureMessage>(first);
        Assert.Equal("7", refused.InvocationId);
        Assert.Equal("JoinStream", refused.Target);

        Assert.True(Json.TryParseMessage(ref input, new Binder(), out var second));
        Assert.Equal("8", Assert.IsType<InvocationMessage>(second).InvocationId);
        Assert.Equal(0, input.Length);
    }

    [Fact]
    public void Broken_JSON_without_an_invocation_id_is_dropped_without_an_answer()
    {
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"type\":1,\"target\":\u001e"));
        Assert.True(Json.TryParseMessage(ref input, new Binder(), out var message));
        Assert.Null(Assert.IsType<InvocationBindingFailureMessage>(message).InvocationId);
    }

    [Fact]
    public void An_incomplete_frame_still_waits_for_more_data()
    {
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"type\":1,\"target\":\"Ping\""));
        Assert.False(Json.TryParseMessage(ref input, new Binder(), out _));
        Assert.NotEqual(0, input.Length);
    }

    [Fact]
    public void An_empty_MessagePack_method_name_refuses_the_invocation()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(6);
        writer.Write(1);
        writer.WriteMapHeader(0);
        writer.Write("9");
        writer.Write(string.Empty);
        writer.WriteArrayHeader(0);
        writer.WriteArrayHeader(0);
        writer.Flush();
        var input = new ReadOnlySequence<byte>([(byte)buffer.WrittenCount, .. buffer.WrittenSpan]);

        Assert.True(MessagePack.TryParseMessage(ref input, new Binder(), out var message));
        var refused = Assert.IsType<InvocationBindingFailureMessage>(message);
        Assert.Equal("9", refused.InvocationId);
        Assert.Equal(0, input.Length);
    }

    [Fact]
    public void A_good_frame_passes_through_unchanged()
    {
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Ping("1")));
        Assert.True(Json.TryParseMessage(ref input, new Binder(), out var message));
        Assert.Equal("Ping", Assert.IsType<InvocationMessage>(message).Target);
    }

    private static string Ping(string id) => "{\"type\":1,\"invocationId\":\"" + id + "\",\"target\":\"Ping\",\"arguments\":[]}\u001e";

    private static JsonHubProtocolOptions Configured()
    {
        var options = new JsonHubProtocolOptions();
        LiveJson.Configure(options.PayloadSerializerOptions).MaxDepth = RealtimeExtensions.MaxArgumentDepth;
        return options;
    }

    private sealed class Binder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => methodName switch
        {
            "Ping" => [],
            "JoinStream" => [typeof(string)],
            _ => throw new HubException($"Method '{methodName}' does not exist."),
        };

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
