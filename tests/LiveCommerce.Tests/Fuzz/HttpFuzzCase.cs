namespace LiveCommerce.Tests.Fuzz;

/// <summary>One bad HTTP request of the fuzz test.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query, already escaped.</param>
/// <param name="Body">The raw body, or null for none.</param>
/// <param name="ContentType">The body's Content-Type header, or null.</param>
/// <param name="Accept">The Accept header, or null for none.</param>
/// <param name="Authorization">The Authorization header, or null for none.</param>
/// <param name="MustRefuse">True when a 2xx answer means bad input was accepted.</param>
public sealed record HttpFuzzCase(
    string Method,
    string Path,
    string? Body,
    string? ContentType,
    string? Accept,
    string? Authorization,
    bool MustRefuse)
{
    /// <summary>A one-line description for the report.</summary>
    public override string ToString() =>
        $"{Method} {Path} accept={Accept ?? "(none)"} auth={(Authorization is null ? "(none)" : Authorization[..Math.Min(Authorization.Length, 24)])} type={ContentType ?? "(none)"} body={Body?[..Math.Min(Body.Length, 200)]}";
}
