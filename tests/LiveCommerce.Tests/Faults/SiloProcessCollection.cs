namespace LiveCommerce.Tests.Faults;

/// <summary>The fault tests that run engine processes: one at a time, so two cores carry them.</summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "silo processes";
}
