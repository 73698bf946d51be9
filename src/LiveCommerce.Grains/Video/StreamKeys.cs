using System.Security.Cryptography;
using System.Text;

namespace LiveCommerce.Grains.Video;

/// <summary>
/// Stream keys. A key reads <c>{streamId}?key={secret}</c>: the encoder pushes to <c>{rtmpUrl}/{streamId}?key={secret}</c>,
/// so the media server names the push (and its HLS files) after the public stream id while the secret travels as an
/// argument that only the engine checks. Secrets are 160 random bits in lowercase hex.
/// </summary>
public static class StreamKeys
{
    /// <summary>The argument of the push URL that carries the secret.</summary>
    public const string SecretArgument = "key";

    /// <summary>A new secret: 20 random bytes as 40 lowercase hex digits.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The stream key the creator enters in the encoder.</summary>
    public static string Format(string streamId, string secret) => $"{streamId}?{SecretArgument}={secret}";

    /// <summary>Whether <paramref name="presented"/> is <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string? expected, string? presented)
    {
        if (expected is null || presented is null)
        {
            return false;
        }

        // Hashing first makes both sides the same length, so even the length of a wrong guess takes no other path.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
