using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Contracts.Streams;

namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>Sets a scene up over the HTTP API as one user, with a demo token from <c>/dev/token</c>.</summary>
public sealed class EngineApi
{
    private readonly HttpClient _http;
    private readonly string _token;

    private EngineApi(HttpClient http, string sub, string token)
    {
        _http = http;
        Sub = sub;
        _token = token;
    }

    /// <summary>The user's id.</summary>
    public string Sub { get; }

    /// <summary>Signs in as <paramref name="sub"/> with <paramref name="roles"/> (comma-separated).</summary>
    public static async Task<EngineApi> SignInAsync(HttpClient http, string sub, string roles = "creator,seller")
    {
        var answer = await http.GetFromJsonAsync<JsonElement>($"/dev/token?sub={Uri.EscapeDataString(sub)}&role={Uri.EscapeDataString(roles)}", LiveJson.Options);
        return new EngineApi(http, sub, answer.GetProperty("token").GetString()!);
    }

    /// <summary>Creates a product.</summary>
    public Task<Product> CreateProductAsync(string name, long amount, string currency, int stock = 20, string? category = null) =>
        SendAsync<Product>(HttpMethod.Post, "/api/products", new CreateProductRequest
        {
            Sku = "SKU-" + Guid.NewGuid().ToString("N")[..8],
            Name = name,
            Price = new Money(amount, currency),
            Stock = stock,
            Category = category,
            SellerKind = SellerKinds.LocalSme,
        });

    /// <summary>Creates a stream of the given products; live at once when <paramref name="start"/>.</summary>
    public async Task<LiveStream> CreateStreamAsync(string title, IEnumerable<string> productIds, bool start = true)
    {
        var stream = await SendAsync<LiveStream>(HttpMethod.Post, "/api/streams", new CreateStreamRequest { Title = title, ProductIds = productIds.ToList() });
        return start ? await SendAsync<LiveStream>(HttpMethod.Post, $"/api/streams/{stream.Id}/start", null) : stream;
    }

    /// <summary>Pins a product.</summary>
    public Task<ProductCard> PinAsync(string streamId, string productId) =>
        SendAsync<ProductCard>(HttpMethod.Post, $"/api/streams/{streamId}/pin", new { productId });

    /// <summary>Launches a flash offer (the contract's <c>POST /api/streams/{id}/offers</c>).</summary>
    public Task<Offer> LaunchOfferAsync(string streamId, string productId, Money price, int quantity, int durationSeconds, int perViewerLimit = 1) =>
        SendAsync<Offer>(HttpMethod.Post, $"/api/streams/{streamId}/offers", new { productId, price, quantity, durationSeconds, perViewerLimit });

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: LiveJson.Options);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        }

        return JsonSerializer.Deserialize<T>(text, LiveJson.Options)!;
    }
}
