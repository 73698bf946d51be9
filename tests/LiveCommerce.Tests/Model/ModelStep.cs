namespace LiveCommerce.Tests.Model;

/// <summary>
/// One step of a randomized model-based sequence: an operation name and up to four small integer arguments
/// (which viewer, which offer, how many units, which key...). Steps print compactly, so a failing sequence can be
/// read, and replayed, from the test output.
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="A">First argument.</param>
/// <param name="B">Second argument.</param>
/// <param name="C">Third argument.</param>
/// <param name="D">Fourth argument.</param>
public sealed record ModelStep(string Op, int A = 0, int B = 0, int C = 0, int D = 0)
{
    /// <inheritdoc />
    public override string ToString() => $"{Op}({A},{B},{C},{D})";

    /// <summary>Prints a sequence one step a line, numbered.</summary>
    public static string Print(IReadOnlyList<ModelStep> steps) =>
        string.Join(Environment.NewLine, steps.Select((s, i) => $"  {i,3}: {s}"));
}
