using LiveCommerce.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveCommerceEngine();

var app = builder.Build();
app.MapLiveCommerceEngine();
app.Run();

/// <summary>The engine host's entry point (public for the end-to-end tests).</summary>
public partial class Program;
