using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Sellers;
using LiveCommerce.Contracts.Streams;

namespace LiveCommerce.Silo.Apis;

/// <summary>Checks request bodies against the contract; an empty result means valid.</summary>
public static class RequestValidation
{
    /// <summary>The most units a product may hold.</summary>
    public const int MaxStock = 1_000_000;

    /// <summary>The longest id of a product, stream, offer, order or user.</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// Whether <paramref name="id"/> can be an id at all: 1 to <see cref="MaxIdLength"/> characters, not blank,
    /// no control characters and no unpaired surrogates. Anything else is unknown without asking a grain.
    /// </summary>
    public static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == id.Length || !char.IsLowSurrogate(id[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>Validates a new product.</summary>
    public static Dictionary<string, string[]> Check(CreateProductRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return errors;
        }

        Text(errors, "sku", request.Sku, 1, 64, required: true);
        Text(errors, "name", request.Name, 1, 200, required: true);
        Text(errors, "description", request.Description, 0, 4000, required: false);
        Text(errors, "category", request.Category, 1, 64, required: false);
        Url(errors, "imageUrl", request.ImageUrl);
        CheckMoney(errors, "price", request.Price);
        if (request.Stock is null)
        {
            errors["stock"] = ["stock is required (0 or more)."];
        }
        else if (request.Stock is < 0 or > MaxStock)
        {
            errors["stock"] = [$"stock must be between 0 and {MaxStock}."];
        }

        if (request.SellerKind is not null && !SellerKinds.All.Contains(request.SellerKind))
        {
            errors["sellerKind"] = ["sellerKind must be local-sme, brand or platform."];
        }

        if (request.Origin is not null && (request.Origin.Length != 2 || !request.Origin.All(char.IsAsciiLetterUpper)))
        {
            errors["origin"] = ["origin must be an ISO 3166 alpha-2 country code such as ID."];
        }

        return errors;
    }

    /// <summary>Validates a new stream.</summary>
    public static Dictionary<string, string[]> Check(CreateStreamRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return errors;
        }

        Text(errors, "title", request.Title, 1, 200, required: true);
        Url(errors, "videoUrl", request.VideoUrl);
        if (request.ProductIds is { } ids)
        {
            if (ids.Count > 500)
            {
                errors["productIds"] = ["A stream can list at most 500 products."];
            }
            else if (ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > 64))
            {
                errors["productIds"] = ["Every product id must be a non-empty id."];
            }
        }

        return errors;
    }

    /// <summary>Validates a body naming a product.</summary>
    public static Dictionary<string, string[]> Check(ProductRef? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
        }
        else
        {
            Text(errors, "productId", request.ProductId, 1, 64, required: true);
        }

        return errors;
    }

    /// <summary>Validates a new flash offer's shape; the stream checks it against the product.</summary>
    public static Dictionary<string, string[]> Check(CreateOfferRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return errors;
        }

        Text(errors, "productId", request.ProductId, 1, 64, required: true);
        CheckMoney(errors, "price", request.Price);
        if (request.Quantity is null or < 1 or > MaxStock)
        {
            errors["quantity"] = [$"quantity must be 1 to {MaxStock}."];
        }

        if (request.DurationSeconds is null or < 10 or > 86_400)
        {
            errors["durationSeconds"] = ["durationSeconds must be 10 to 86400 (10 seconds to 24 hours)."];
        }

        if (request.PerViewerLimit is < 1 or > 100)
        {
            errors["perViewerLimit"] = ["perViewerLimit must be 1 to 100."];
        }

        return errors;
    }

    /// <summary>Validates seller terms (<c>PUT /api/products/{id}/terms</c>): an optional money floor and unit cap.</summary>
    public static Dictionary<string, string[]> Check(SellerTerms? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return errors;
        }

        if (request.MinLivePrice is not null)
        {
            CheckMoney(errors, "minLivePrice", request.MinLivePrice);
        }

        if (request.MaxOfferUnits is < 1 or > MaxStock)
        {
            errors["maxOfferUnits"] = [$"maxOfferUnits must be 1 to {MaxStock}, or null for no cap."];
        }

        return errors;
    }

    /// <summary>Validates a seller verification (<c>POST /api/sellers/{sellerId}/verification</c>): one known seller kind.</summary>
    public static Dictionary<string, string[]> Check(VerifySellerRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
        }
        else if (request.SellerKind is null)
        {
            errors["sellerKind"] = ["sellerKind is required: local-sme, brand or platform."];
        }
        else if (!SellerKinds.IsKnown(request.SellerKind))
        {
            errors["sellerKind"] = ["sellerKind must be local-sme, brand or platform."];
        }

        return errors;
    }

    /// <summary>
    /// Validates an amount of money: whole minor units from 0 to <see cref="Money.MaxAmount"/> (10^12, contract
    /// v2), and a known ISO 4217 currency.
    /// </summary>
    public static void CheckMoney(Dictionary<string, string[]> errors, string field, Money? money)
    {
        if (money is null)
        {
            errors[field] = [$"{field} is required, as {{\"amount\": minor units, \"currency\": ISO 4217 code}}."];
        }
        else if (string.IsNullOrEmpty(money.Currency) || !Currencies.IsKnown(money.Currency))
        {
            errors[field + ".currency"] = [$"'{NotFoundProblem.Quote(money.Currency)}' is not an ISO 4217 currency the engine knows."];
        }
        else if (money.Amount < 0)
        {
            errors[field + ".amount"] = ["amount must be zero or more."];
        }
        else if (money.Amount > Money.MaxAmount)
        {
            errors[field + ".amount"] = [$"amount must be at most {Money.MaxAmount} minor units (10^12)."];
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int min, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors[field] = [$"{field} is required."];
            }

            return;
        }

        var length = value.Trim().Length;
        if (length < Math.Max(min, required ? 1 : 0) || length > max)
        {
            errors[field] = [$"{field} must be {Math.Max(min, 1)} to {max} characters."];
        }
    }

    private static void Url(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null &&
            (value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors[field] = [$"{field} must be an absolute http or https address."];
        }
    }
}
