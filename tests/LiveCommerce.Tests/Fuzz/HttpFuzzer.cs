using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// Bad requests to every HTTP endpoint: bad ids in paths, bad bodies, bad headers, bad tokens. A body sent with
/// a token that could change something is always broken on purpose, so every such request must be refused.
/// </summary>
public sealed class HttpFuzzer(FuzzWorld world, FuzzFindings findings)
{
    private static readonly string[] Accepts =
    [
        "text/html", "image/png", "*/*", "application/xml", "application/json", "application/problem+json", "text/plain",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "garbage", ";;;", "application/*", "*/json",
        "application/json;q=0", "image/*, text/*",
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "application/json; charset=latin1", "application/json; charset=nope", "multipart/form-data; boundary=x", "application/problem+json",
        "garbage", null,
    ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    // Bodies may nest deeper than the serializer's default of 64 levels: that is part of the attack.
    private static readonly JsonSerializerOptions Deep = new() { MaxDepth = 1024 };
    private static readonly JsonDocumentOptions DeepDocument = new() { MaxDepth = 1024 };

    /// <summary>A bad request of any kind.</summary>
    public HttpFuzzCase Next(Random random, bool development)
    {
        var (method, path, body, mustRefuse) = development ? DevToken(random) : Endpoint(random);
        if (random.Next(12) == 0)
        {
            // Another method on the same path: mostly a 405, but it may name a harmless call (unpinning nothing),
            // so only the state check and the answer's form judge it.
            method = BadValues.Pick(random, Methods);
            mustRefuse = false;
        }

        var contentType = body is null ? null
            : random.Next(3) == 0 ? BadValues.Pick(random, ContentTypes)
            : path.StartsWith("/api/media/", StringComparison.Ordinal) ? "application/x-www-form-urlencoded"
            : "application/json";
        var accept = random.Next(4) == 0 ? null : BadValues.Pick(random, Accepts);
        return new HttpFuzzCase(method, path, body, contentType, accept, Authorization(random), mustRefuse);
    }

    /// <summary>Sends <paramref name="fuzzCase"/> and records what is wrong with the answer.</summary>
    public async Task RunAsync(HttpClient http, HttpFuzzCase fuzzCase)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzzCase.Method), fuzzCase.Path);
        if (fuzzCase.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzzCase.Accept);
        }

        if (fuzzCase.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzzCase.Authorization);
        }

        if (fuzzCase.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(fuzzCase.Body));
            if (fuzzCase.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
            }
        }

        HttpResponseMessage response;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            findings.Add("http: no answer", $"{fuzzCase} -> {error.GetType().Name}: {error.Message}");
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync(timeout.Token);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
            {
                findings.Add("http: no answer", $"{fuzzCase} -> {status}, body failed: {error.GetType().Name}: {error.Message}");
                return;
            }

            var what = $"{fuzzCase} -> {status} {response.Content.Headers.ContentType} {text[..Math.Min(text.Length, 200)]}";
            if (status >= 500)
            {
                findings.Add("http: 5xx", what);
            }
            else if (status >= 400 && !RejectedByKestrel(fuzzCase, response, status, text) && !fuzzCase.Path.StartsWith("/hubs", StringComparison.Ordinal))
            {
                CheckProblem(response, status, text, what);
            }
            else if (status is >= 200 and < 300 && fuzzCase.MustRefuse)
            {
                findings.Add("http: bad input accepted", what);
            }
        }
    }

    // SignalR's own endpoints under /hubs answer in its own formats (not part of the HTTP API); they must not 5xx.
    // Kestrel itself answers a request line it will not parse (too long, a NUL in the path) and headers that are
    // too large, before any application code runs: those answers have no body to make problem details of.
    private static bool RejectedByKestrel(HttpFuzzCase fuzzCase, HttpResponseMessage response, int status, string text) =>
        status is 414 or 431 ||
        (status == 400 && text.Length == 0 && response.Content.Headers.ContentType is null && fuzzCase.Path.Contains("%00", StringComparison.OrdinalIgnoreCase));

    private void CheckProblem(HttpResponseMessage response, int status, string text, string what)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            findings.Add(status == 404 ? "http: 404 not problem details" : "http: 4xx not problem details", what);
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("status", out var value) || value.GetInt32() != status)
            {
                findings.Add("http: problem details without the right status", what);
            }
        }
        catch (JsonException)
        {
            findings.Add("http: problem details not JSON", what);
        }
    }

    private (string Method, string Path, string? Body, bool MustRefuse) Endpoint(Random random)
    {
        var stream = StreamId(random, out var realStream);
        switch (random.Next(28))
        {
            case 0:
            case 1:
            case 2:
                return ("POST", "/api/products", ProductBody(random), true);
            case 3:
                return ("GET", "/api/products" + Query(random, "sellerId", "page", "pageSize"), null, false);
            case 4:
            case 5:
                return ("GET", "/api/products/" + PathId(random, world.ProductIds[0]), null, false);
            case 6:
            case 7:
                return ("PUT", $"/api/products/{PathId(random, world.ProductIds[0])}/terms", TermsBody(random), true);
            case 8:
                return ("POST", "/api/streams", StreamBody(random), true);
            case 9:
                return ("GET", "/api/streams" + Query(random, "creatorId"), null, false);
            case 10:
                return ("GET", "/api/streams/" + stream, null, false);
            case 11:
                return ("POST", $"/api/streams/{stream}/products", ProductRefBody(random), true);
            case 12:
                // Start and end are refused by an unknown id or a caller who does not own the stream (see Authorization).
                return ("POST", $"/api/streams/{(realStream ? "unknown-" + random.Next(1000) : stream)}/{(random.Next(2) == 0 ? "start" : "end")}", null, true);
            case 13:
                return ("POST", $"/api/streams/{stream}/pin", ProductRefBody(random), true);
            case 14:
                return ("DELETE", $"/api/streams/{(realStream ? "unknown-" + random.Next(1000) : stream)}/pin", null, true);
            case 15:
            case 16:
                return ("POST", $"/api/streams/{stream}/offers", OfferBody(random), true);
            case 17:
                return ("DELETE", $"/api/streams/{stream}/offers/{PathId(random, "unknown-offer")}", null, true);
            case 18:
                return ("GET", $"/api/streams/{stream}/{BadValues.Pick(random, new[] { "analytics", "exposure", "suggestions" })}", null, false);
            case 19:
                return ("GET", $"/api/sellers/{PathId(random, world.CreatorId)}/analytics", null, false);
            case 20:
                return random.Next(2) == 0
                    ? ("GET", "/api/orders/" + PathId(random, world.OrderId), null, false)
                    : ("GET", "/api/orders" + Query(random, "page", "pageSize"), null, false);
            case 21:
                // Every verification body is bad, so even an admin's is refused and no seller is ever verified.
                return ("POST", $"/api/sellers/{PathId(random, world.CreatorId)}/verification", VerificationBody(random), true);
            case 22:
                // A revocation names sellers that have none (an admin's is then harmless); reads name the creator too.
                return random.Next(2) == 0
                    ? ("GET", $"/api/sellers/{PathId(random, world.CreatorId)}/verification", null, false)
                    : ("DELETE", $"/api/sellers/{PathId(random, "unverified-seller")}/verification", null, false);
            case 23:
                // The ranking log export: admins only, and a count of 1 to 100,000.
                return ("GET", "/api/admin/ranking-log" + Query(random, "count"), null, false);
            case 24:
                // The stream's video: the key (its creator only; the real creator's first read makes one), a new key, the replay.
                return random.Next(3) switch
                {
                    0 => ("GET", $"/api/streams/{stream}/ingest", null, false),
                    1 => ("POST", $"/api/streams/{(realStream ? "unknown-" + random.Next(1000) : stream)}/ingest/rotate", null, true),
                    _ => ("GET", $"/api/streams/{stream}/replay", null, false),
                };
            case 25:
            case 26:
                // The media server's callbacks (the fuzzed host takes them from loopback): a push with a bad form, no key
                // or a wrong one is refused; a report of a push that ended changes nothing.
                var callback = BadValues.Pick(random, new[] { "publish", "update", "publish-done", "announce" });
                return ("POST", $"/api/media/{callback}" + Query(random, "playback", "secret"), MediaForm(random), callback is "publish" or "update");
            default:
                return (random.Next(3) == 0 ? "POST" : "GET", BadValues.Pick(random, new[]
                {
                    "/health/live", "/health/ready", "/health/", "/health/" + PathId(random, "x"), "/api", "/api/", "/api/nothing-here",
                    "/api/products/x/y/z", "/dev/token", "/nothing", "/watch/" + PathId(random, "x"), "/hubs/live", "/hubs/live/negotiate",
                    "/hubs/live/negotiate?negotiateVersion=" + Uri.EscapeDataString(BadValues.String(random)), "/index.html/..%2f..%2f", "/%00",
                }), null, false);
        }
    }

    private string MediaForm(Random random)
    {
        if (random.Next(5) == 0)
        {
            return Whole(random);
        }

        var fields = new List<string>();
        foreach (var name in new[] { "call", "name", "key", "clientid", "app", "addr", "rtmp", "playback" })
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            var value = name switch
            {
                "name" when random.Next(2) == 0 => world.StreamId,
                "key" when random.Next(2) == 0 => "0123456789abcdef0123456789abcdef01234567",
                "clientid" when random.Next(2) == 0 => random.Next(100).ToString(CultureInfo.InvariantCulture),
                "rtmp" or "playback" when random.Next(2) == 0 => BadValues.Pick(random, new[] { "javascript:x", "rtmp//x", "ftp://x", "http://", new string('h', 600) }),
                _ => BadValues.String(random),
            };
            fields.Add(name + "=" + Escaped(value));
            if (random.Next(8) == 0)
            {
                fields.Add(name + "=" + Escaped(BadValues.String(random)));
            }
        }

        return string.Join("&", fields);
    }

    private (string Method, string Path, string? Body, bool MustRefuse) DevToken(Random random) =>
        ("GET", "/dev/token" + Query(random, "sub", "role"), null, false);

    private string StreamId(Random random, out bool real)
    {
        real = random.Next(3) == 0;
        return real ? world.StreamId : PathId(random, "unknown-stream");
    }

    private static string PathId(Random random, string real) => random.Next(6) switch
    {
        0 => Uri.EscapeDataString(real),
        1 => "unknown-" + random.Next(100_000).ToString(CultureInfo.InvariantCulture),
        2 => BadValues.Pick(random, new[] { "%20", "%20%20", "%09", "%0A", "%00", "%C2%A0", "..%2F..%2Fetc", "%2F", "%FF", "%E2%80%8B", "a%20", "%25", "~", "-" }),
        _ => Escaped(BadValues.String(random)),
    };

    private static string Escaped(string value)
    {
        var raw = value.Length > 1000 ? value[..1000] : value;
        try
        {
            return Uri.EscapeDataString(raw);
        }
        catch (UriFormatException)
        {
            return "%20";
        }
    }

    private static string Query(Random random, params string[] names)
    {
        var parts = names.Where(_ => random.Next(3) > 0)
            .Select(name => name + "=" + Escaped(random.Next(2) == 0 ? BadValues.Pick(random, BadValues.Numbers).Trim('"') : BadValues.String(random)));
        var query = string.Join("&", parts);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    private string? Authorization(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => "Bearer " + TestTokens.Expired(world.CreatorId, "creator", "seller"),
        2 => "Bearer " + TestTokens.WronglySigned(world.CreatorId, "creator", "seller"),
        3 => BadValues.Pick(random, new[] { "Bearer", "Bearer ", "Bearer abc.def.ghi", "Basic Zm9vOmJhcg==", "bearer x", "Bearer " + new string('a', 5000), "Bearer %C3%A9" }),
        4 => "Bearer " + TestTokens.For("fuzz-other-creator", "creator", "seller"),
        5 => "Bearer " + TestTokens.For(world.BuyerId, "viewer"),
        6 => "Bearer " + TestTokens.For("fuzz-admin", "admin"),
        7 => "Bearer " + TestTokens.For(Escaped(BadValues.String(random)), "creator", "seller"),
        _ => "Bearer " + world.CreatorToken,
    };

    private static string ProductBody(Random random)
    {
        if (random.Next(6) == 0)
        {
            return Whole(random);
        }

        var body = new JsonObject
        {
            ["sku"] = "FUZZ-" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
            ["name"] = "Fuzz product",
            ["category"] = "batik",
            ["price"] = new JsonObject { ["amount"] = 150_000, ["currency"] = "IDR" },
            ["stock"] = 5,
            ["sellerKind"] = "local-sme",
            ["origin"] = "ID",
        };
        Scramble(random, body);
        var (field, value) = random.Next(10) switch
        {
            0 or 1 or 2 => ("price", Money(random)),
            3 => ("stock", JsonNode.Parse(BadValues.Pick(random, new[] { "-1", "1000001", "-2147483648", "2147483648", "1e300", "1.5", "\"5\"", "null" }))),
            4 => ("sku", Text(random, 64)),
            5 => ("name", Text(random, 200)),
            6 => ("sellerKind", JsonValue.Create(BadValues.Pick(random, new[] { "", "LOCAL-SME", "local_sme", "bank", " brand" }))),
            7 => ("origin", JsonValue.Create(BadValues.Pick(random, new[] { "id", "IDN", "1D", "", "I", "ÍD" }))),
            8 => ("imageUrl", JsonValue.Create(BadValues.Pick(random, new[] { "javascript:alert(1)", "ftp://x/y.png", "/relative.png", "http//x", "file:///etc/passwd", new string('h', 3000) }))),
            _ => ("price", (JsonNode?)null),
        };
        body[field] = value;
        return body.ToJsonString(Deep);
    }

    private static string OfferBody(Random random)
    {
        if (random.Next(6) == 0)
        {
            return Whole(random);
        }

        var body = new JsonObject
        {
            ["productId"] = "unknown-product",
            ["price"] = new JsonObject { ["amount"] = 1_000, ["currency"] = "IDR" },
            ["quantity"] = 1,
            ["durationSeconds"] = 60,
        };
        Scramble(random, body);
        var (field, value) = random.Next(8) switch
        {
            0 or 1 or 2 => ("price", Money(random)),
            3 => ("quantity", JsonNode.Parse(BadValues.Pick(random, new[] { "0", "-1", "1000001", "2147483647", "-2147483648", "1e300", "\"1\"", "null" }))),
            4 => ("durationSeconds", JsonNode.Parse(BadValues.Pick(random, new[] { "0", "9", "-1", "86401", "2147483647", "1.5", "\"60\"", "null" }))),
            5 => ("perViewerLimit", JsonNode.Parse(BadValues.Pick(random, new[] { "0", "-1", "101", "2147483647", "\"1\"" }))),
            6 => ("productId", Text(random, 64)),
            _ => ("price", (JsonNode?)null),
        };
        body[field] = value;
        return body.ToJsonString(Deep);
    }

    private static string TermsBody(Random random)
    {
        if (random.Next(4) == 0)
        {
            // An empty object is valid terms (any price, any units): every other whole body is not.
            return Whole(random) is var whole && whole == "{}" ? "[]" : whole;
        }

        var body = new JsonObject
        {
            ["minLivePrice"] = Money(random),
            ["maxOfferUnits"] = JsonNode.Parse(BadValues.Pick(random, new[] { "0", "-1", "2147483647", "-2147483648", "1e300", "\"5\"", "[]" })),
        };
        return body.ToJsonString(Deep);
    }

    private static string VerificationBody(Random random)
    {
        if (random.Next(4) == 0)
        {
            return Whole(random);
        }

        var body = new JsonObject { ["sellerKind"] = "local-sme" };
        Scramble(random, body);
        body["sellerKind"] = random.Next(3) switch
        {
            0 => JsonValue.Create(BadValues.Pick(random, new[]
            {
                "", "LOCAL-SME", "local_sme", "Local-Sme", "bank", " brand", "brand ", "Platform", "platform\u0000", "brand\u200b", "local-sme\n", "null",
            })),
            1 => JsonValue.Create(BadValues.String(random) is var text && SellerKinds.IsKnown(text) ? "bank" : text),
            _ => JsonNode.Parse(BadValues.Pick(random, new[] { "null", "1", "[]", "{}", "true", "[\"brand\"]", "{\"kind\":\"brand\"}" })),
        };
        return body.ToJsonString(Deep);
    }

    private static string StreamBody(Random random)
    {
        if (random.Next(5) == 0)
        {
            return Whole(random);
        }

        var body = new JsonObject { ["title"] = "Fuzz stream", ["productIds"] = new JsonArray() };
        Scramble(random, body);
        var (field, value) = random.Next(4) switch
        {
            0 => ("title", Text(random, 200)),
            1 => ("productIds", new JsonArray([.. Enumerable.Range(0, 501).Select(i => (JsonNode)JsonValue.Create("p" + i.ToString(CultureInfo.InvariantCulture)))])),
            2 => ("productIds", new JsonArray(JsonValue.Create(BadValues.Pick(random, new[] { "", " ", "\t", new string('p', 65) })))),
            _ => ("videoUrl", JsonValue.Create(BadValues.Pick(random, new[] { "javascript:x", "rtmp://x", "x", "" }))),
        };
        body[field] = value;
        return body.ToJsonString(Deep);
    }

    private static string ProductRefBody(Random random) => random.Next(3) switch
    {
        0 => Whole(random),
        1 => new JsonObject { ["productId"] = Text(random, 64) }.ToJsonString(Deep),
        _ => new JsonObject { ["productId"] = "unknown-" + random.Next(1000).ToString(CultureInfo.InvariantCulture) }.ToJsonString(Deep),
    };

    private static JsonNode? Money(Random random) => random.Next(5) switch
    {
        0 or 1 => new JsonObject { ["amount"] = BadValues.Pick(random, BadValues.RefusedAmounts), ["currency"] = "IDR" },
        2 => JsonNode.Parse("{\"amount\":" + BadValues.Pick(random, new[] { "1e300", "1.5", "-0.5", "99999999999999999999", "\"100\"", "null", "NaN" }.Where(v => v != "NaN").ToArray()) + ",\"currency\":\"IDR\"}"),
        3 => new JsonObject { ["amount"] = 1000, ["currency"] = JsonValue.Create(BadValues.Pick(random, new[] { "", "idr", "XXX", "IDRR", " IDR", "\u0000" })) },
        _ => JsonNode.Parse(BadValues.Pick(random, new[] { "{}", "{\"amount\":1000}", "{\"currency\":\"IDR\",\"amount\":-1}", "[]", "1000", "\"1000 IDR\"", "{\"amount\":1000,\"currency\":null}" })),
    };

    private static JsonNode? Text(Random random, int max) => random.Next(4) switch
    {
        0 => JsonValue.Create(string.Empty),
        1 => JsonValue.Create(new string(' ', random.Next(1, 10))),
        2 => JsonValue.Create(new string('x', max + 1 + random.Next(5000))),
        _ => JsonNode.Parse(BadValues.Pick(random, new[] { "null", "1", "[]", "{}", "true" })),
    };

    private static void Scramble(Random random, JsonObject body)
    {
        for (var i = random.Next(3); i > 0; i--)
        {
            var names = body.Select(p => p.Key).ToList();
            var name = random.Next(4) == 0 ? BadValues.String(random) : BadValues.Pick(random, names);
            body[name] = JsonNode.Parse(BadValues.JsonValue(random), null, DeepDocument);
        }
    }

    private static string Whole(Random random) => random.Next(4) switch
    {
        0 => BadValues.Pick(random, BadValues.MalformedJson),
        1 => BadValues.Nested(random.Next(10, 5000)),
        2 => "{\"a\":" + new string('[', random.Next(60, 3000)),
        _ => BadValues.JsonValue(random),
    };
}
