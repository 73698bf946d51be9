using Microsoft.Extensions.FileProviders;

namespace LiveCommerce.Silo.Pages;

/// <summary>
/// Maps the web pages that are not plain static files: the viewer page at <c>/watch/{streamId}</c> and the
/// creator studio at <c>/studio</c>. Both are html files in <c>wwwroot</c> whose scripts read the address
/// themselves; the landing page is <c>wwwroot/index.html</c>, served as the default file of <c>/</c>.
/// </summary>
public static class PagesExtensions
{
    /// <summary>The viewer page's file in <c>wwwroot</c>.</summary>
    public const string WatchPage = "watch.html";

    /// <summary>The creator studio's file in <c>wwwroot</c>.</summary>
    public const string StudioPage = "studio.html";

    /// <summary>Maps <c>/watch/{streamId}</c> and <c>/studio</c> to their html files.</summary>
    public static WebApplication MapLivePages(this WebApplication app)
    {
        app.MapGet("/watch/{streamId}", (IWebHostEnvironment environment) => Page(environment, WatchPage))
            .ExcludeFromDescription();
        app.MapGet("/studio", (IWebHostEnvironment environment) => Page(environment, StudioPage))
            .ExcludeFromDescription();
        app.MapGet("/watch", () => TypedResults.Redirect("/")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(name);
        if (!file.Exists || file is NotFoundFileInfo)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Page not found",
                detail: $"The web page '{name}' is not in wwwroot; build the silo project (it bundles the pages with npm).");
        }

        return new HtmlPageResult(file);
    }
}
