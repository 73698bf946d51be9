using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <summary>
/// The rules of one product's units, over its stored state: every unit is on sale, lent to an offer, or sold,
/// and the three add up to what the product received. Each operation id is applied at most once and remembered
/// for good; an operation is only taken back by an <see cref="UndoOperation"/> that names it, and undoing an
/// operation that never arrived marks it cancelled, so its late copy is ignored. Senders name every attempt
/// anew, so a cancelled attempt never stops a later one from doing its work.
/// </summary>
public sealed class StockLedger(ProductState state)
{
    private Product Product => state.Product ?? throw new InvalidOperationException("The product does not exist.");

    /// <summary>Applies <paramref name="operation"/>; answers whether anything changed (false for a repeat).</summary>
    /// <exception cref="LiveCommerceException">409 when stock is short; 400 for a quantity below 1.</exception>
    public bool Apply(StockOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (string.IsNullOrEmpty(operation.Id))
        {
            throw LiveCommerceException.Invalid("A stock operation needs an id.");
        }

        if (operation is UndoOperation undo)
        {
            return Undo(undo.TargetId);
        }

        if (state.Operations.TryGetValue(operation.Id, out var seen))
        {
            // A repeat of applied work changes nothing; a copy of work that was undone or cancelled is refused,
            // so a replay can never pass for work done.
            return seen.Undone
                ? throw LiveCommerceException.Conflict($"Stock operation '{operation.Id}' was cancelled; it cannot be applied.")
                : false;
        }

        var (kind, quantity) = operation switch
        {
            LendUnits lend => (StockKind.Lend, lend.Quantity),
            ReturnUnits back => (StockKind.Return, back.Quantity),
            SellOfferUnits sale => (StockKind.OfferSale, sale.Quantity),
            SellUnits sale => (StockKind.Sale, sale.Quantity),
            _ => throw LiveCommerceException.Invalid($"Unknown stock operation {operation.GetType().Name}."),
        };
        if (quantity < 1)
        {
            throw LiveCommerceException.Invalid("The quantity must be at least 1.");
        }

        switch (kind)
        {
            case StockKind.Lend:
                RequireStock(quantity, $"the offer needs {quantity}");
                Move(stock: -quantity, inOffers: quantity, sold: 0);
                break;
            case StockKind.Return:
                RequireLent(quantity);
                Move(stock: quantity, inOffers: -quantity, sold: 0);
                break;
            case StockKind.OfferSale:
                RequireLent(quantity);
                Move(stock: 0, inOffers: -quantity, sold: quantity);
                break;
            default:
                RequireStock(quantity, null);
                Move(stock: -quantity, inOffers: 0, sold: quantity);
                break;
        }

        state.Operations[operation.Id] = new AppliedStock(kind, quantity, Undone: false);
        return true;
    }

    /// <summary>Where every unit is now.</summary>
    public Inventory Inventory => new(state.Received, Product.Stock, state.InOffers, state.Sold);

    private bool Undo(string targetId)
    {
        if (string.IsNullOrEmpty(targetId))
        {
            throw LiveCommerceException.Invalid("An undo needs the id of what it undoes.");
        }

        if (!state.Operations.TryGetValue(targetId, out var target))
        {
            state.Operations[targetId] = new AppliedStock(StockKind.Cancelled, 0, Undone: true);
            return true;
        }

        if (target.Undone)
        {
            return false;
        }

        var quantity = target.Quantity;
        switch (target.Kind)
        {
            case StockKind.Lend:
                RequireLent(quantity);
                Move(stock: quantity, inOffers: -quantity, sold: 0);
                break;
            case StockKind.OfferSale:
                Move(stock: 0, inOffers: quantity, sold: -quantity);
                break;
            case StockKind.Sale:
                Move(stock: quantity, inOffers: 0, sold: -quantity);
                break;
            default:
                throw LiveCommerceException.Conflict($"A {target.Kind} cannot be undone.");
        }

        state.Operations[targetId] = target with { Undone = true };
        return true;
    }

    private void RequireStock(int quantity, string? need)
    {
        var product = Product;
        if (product.Stock >= quantity)
        {
            return;
        }

        throw LiveCommerceException.Conflict(need is not null
            ? $"Only {product.Stock} of '{product.Name}' are in stock; {need}."
            : product.Stock == 0 ? $"'{product.Name}' is sold out." : $"Only {product.Stock} of '{product.Name}' are left.");
    }

    private void RequireLent(int quantity)
    {
        if (state.InOffers < quantity)
        {
            throw LiveCommerceException.Conflict($"'{Product.Name}' has only {state.InOffers} units in offers, not {quantity}.");
        }
    }

    private void Move(int stock, int inOffers, int sold)
    {
        state.Product = Product with { Stock = Product.Stock + stock };
        state.InOffers += inOffers;
        state.Sold += sold;
    }
}
