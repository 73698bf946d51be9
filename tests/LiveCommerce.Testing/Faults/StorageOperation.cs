namespace LiveCommerce.Testing.Faults;

/// <summary>A call on a grain-storage provider.</summary>
public enum StorageOperation
{
    /// <summary><c>ReadStateAsync</c>.</summary>
    Read,

    /// <summary><c>WriteStateAsync</c>.</summary>
    Write,

    /// <summary><c>ClearStateAsync</c>.</summary>
    Clear,
}
