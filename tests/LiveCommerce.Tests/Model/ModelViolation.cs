namespace LiveCommerce.Tests.Model;

/// <summary>The grains disagree with the model, or an invariant does not hold.</summary>
public sealed class ModelViolation : Exception
{
    /// <summary>A violation.</summary>
    public ModelViolation(string message)
        : base(message)
    {
    }

    /// <summary>A violation found while running something else.</summary>
    public ModelViolation(string message, Exception inner)
        : base(message, inner)
    {
    }
}
