using System.Net;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>How the engine starts: the mode follows only the Redis connection string, and production needs a key.</summary>
public sealed class HostingTests
{
    [Fact]
    public void In_Production_without_a_signing_key_the_engine_refuses_to_start_and_says_why()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var host = new EngineHost(settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = null }, environment: "Production");
        });
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Auth:SigningKey is not set", messages, StringComparison.Ordinal);
        Assert.Contains("Auth__SigningKey", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_default_also_runs_in_Production_and_has_no_development_token_endpoint()
    {
        await using var host = new EngineHost(environment: "Production");
        using var ready = await host.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var token = await host.Http.GetAsync("/dev/token?sub=x&role=admin");
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);

        var (stream, products, creator) = await Catalog.LiveStreamAsync(host);
        Assert.Equal(products[0].Id, (await creator.PinAsync(stream.Id, products[0].Id)).ProductId);
    }

    [Fact]
    public async Task Too_many_HTTP_requests_from_one_caller_get_429_problem_details()
    {
        await using var host = new EngineHost(settings: new Dictionary<string, string?> { ["HttpLimits:RequestsPerSecond"] = "3" });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await host.Http.GetAsync("/api/products/missing");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        Assert.Contains(HttpStatusCode.NotFound, statuses);
        Assert.NotNull(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var health = await host.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
