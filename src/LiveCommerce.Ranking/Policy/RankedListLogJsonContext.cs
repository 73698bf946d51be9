using System.Text.Json.Serialization;

namespace LiveCommerce.Ranking.Policy;

/// <summary>Compile-time JSON metadata of <see cref="RankedListLog"/> (no reflection at run time, fast start-up).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RankedListLog))]
internal sealed partial class RankedListLogJsonContext : JsonSerializerContext
{
}
