using Microsoft.Extensions.Options;

namespace LiveCommerce.Engagement;

/// <summary>Fails start-up when an <see cref="EngagementOptions"/> setting is out of range.</summary>
public sealed class EngagementOptionsValidator : IValidateOptions<EngagementOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EngagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentOutOfRangeException error)
        {
            return ValidateOptionsResult.Fail($"{EngagementOptions.Section}: {error.Message}");
        }
    }
}
