using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveCommerce.Contracts.Serialization;

/// <summary>The JSON settings of the contract: camelCase names, nulls written, ISO-8601 times.</summary>
public static class LiveJson
{
    /// <summary>Shared options; do not mutate.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the contract's settings to a set of options (HTTP, SignalR JSON protocol).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
