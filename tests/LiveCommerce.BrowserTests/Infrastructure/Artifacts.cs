namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>Where the tests leave screenshots: <c>artifacts/screenshots/</c> at the repository root.</summary>
public static class Artifacts
{
    private static readonly Lazy<string> ScreenshotFolder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LiveCommerce.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? Directory.GetCurrentDirectory();
        var path = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    });

    /// <summary>The screenshot folder, created on first use.</summary>
    public static string Screenshots => ScreenshotFolder.Value;

    /// <summary>The path of a screenshot named <paramref name="name"/> (without extension).</summary>
    public static string Screenshot(string name) => Path.Combine(Screenshots, name + ".png");
}
