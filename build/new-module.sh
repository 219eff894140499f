#!/usr/bin/env bash
# Lays down a new module in the shape of src/Modules/Leave, wired in everywhere a module is listed:
#   build/new-module.sh Name [--no-migration]
# Creates src/Modules/Name/{OobcCalendar.Modules.Name,OobcCalendar.Modules.Name.Contracts} (registration,
# ModuleDefinition, NameDbContext on schema "name" with its design-time factory, an Initial migration),
# tests/Modules/OobcCalendar.Modules.Name.Tests (a ModuleFixture booting only this module, one test), adds the three
# projects to OobcCalendar.sln, and the module to the Host (project reference, OobcHost.cs, appsettings.json),
# to the architecture tests' module list and to the test kit's ModuleNames. Prints what it could not add itself.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

NAME="${1:-}"
MIGRATION=1
[ "${2:-}" = "--no-migration" ] && MIGRATION=0
if ! [[ "$NAME" =~ ^[A-Z][A-Za-z0-9]+$ ]]; then
  echo "usage: build/new-module.sh Name [--no-migration]   (Name in PascalCase, e.g. Leave, RoomService)" >&2
  exit 2
fi
LOWER=$(echo "$NAME" | tr '[:upper:]' '[:lower:]')
MOD="src/Modules/$NAME/OobcCalendar.Modules.$NAME"
CON="src/Modules/$NAME/OobcCalendar.Modules.$NAME.Contracts"
TST="tests/Modules/OobcCalendar.Modules.$NAME.Tests"
if [ -e "src/Modules/$NAME" ] || [ -e "$TST" ]; then
  echo "src/Modules/$NAME or $TST exists already; pick another name." >&2
  exit 1
fi
TODO=()

log "Contracts project ($CON)"
mkdir -p "$CON"
cat > "$CON/OobcCalendar.Modules.$NAME.Contracts.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <RootNamespace>OobcCalendar.Modules.$NAME.Contracts</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../../../Shared/OobcCalendar.Shared/OobcCalendar.Shared.csproj" />
  </ItemGroup>
</Project>
EOF
cat > "$CON/${NAME}ModuleContract.cs" <<EOF
using OobcCalendar.Shared.Modules;

// Gives the assembly a reference the mediator generator accepts, so it can be scanned before it holds a query.
[assembly: ModuleContracts(OobcCalendar.Modules.$NAME.Contracts.${NAME}ModuleContract.Name)]

namespace OobcCalendar.Modules.$NAME.Contracts;

/// <summary>Names other modules and the host use to refer to the $NAME module.</summary>
public static class ${NAME}ModuleContract
{
    /// <summary>Module name: configuration key (<c>Modules:$NAME:Enabled</c>) and PostgreSQL schema.</summary>
    public const string Name = "$NAME";

    /// <summary>Route prefix of the module's pages.</summary>
    public const string RoutePrefix = "/$LOWER";
}
EOF

log "Module project ($MOD)"
mkdir -p "$MOD/Persistence"
cat > "$MOD/OobcCalendar.Modules.$NAME.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Razor">
  <PropertyGroup>
    <RootNamespace>OobcCalendar.Modules.$NAME</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" PrivateAssets="all" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="../../../Shared/OobcCalendar.Shared/OobcCalendar.Shared.csproj" />
    <ProjectReference Include="../OobcCalendar.Modules.$NAME.Contracts/OobcCalendar.Modules.$NAME.Contracts.csproj" />
  </ItemGroup>
  <ItemGroup>
    <!-- The source-generated mediator in the host instantiates internal handlers (docs/adr/0002). -->
    <InternalsVisibleTo Include="OobcCalendar.Host" />
    <InternalsVisibleTo Include="OobcCalendar.Modules.$NAME.Tests" />
    <InternalsVisibleTo Include="OobcCalendar.Benchmarks" />
  </ItemGroup>
</Project>
EOF
cp src/Modules/Leave/OobcCalendar.Modules.Leave/_Imports.razor "$MOD/_Imports.razor"
cat > "$MOD/${NAME}Module.cs" <<EOF
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OobcCalendar.Modules.$NAME.Contracts;
using OobcCalendar.Modules.$NAME.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.$NAME;

/// <summary>Registers the $NAME module with the host.</summary>
public static class ${NAME}Module
{
    /// <summary>Adds the module's persistence, handlers, jobs, pages and navigation.</summary>
    public static IServiceCollection Add${NAME}Module(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<${NAME}DbContext>(${NAME}DbContext.SchemaName);
        services.AddSingleton(new ModuleDefinition(${NAME}ModuleContract.Name, typeof(${NAME}Module).Assembly, Navigation));
        return services;
    }

    private static IReadOnlyList<NavItem> Navigation => [];
}
EOF
cat > "$MOD/Persistence/${NAME}DbContext.cs" <<EOF
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Shared.Persistence;

namespace OobcCalendar.Modules.$NAME.Persistence;

/// <summary>The $NAME module's unit of work, on schema <c>$LOWER</c>.</summary>
internal sealed class ${NAME}DbContext(DbContextOptions<${NAME}DbContext> options) : ModuleDbContext(options)
{
    internal const string SchemaName = "$LOWER";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Entity configurations are applied here one by one as the module grows (no assembly scanning).
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class ${NAME}DesignTimeFactory : ModuleDesignTimeFactory<${NAME}DbContext>, Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<${NAME}DbContext>
{
    public ${NAME}DbContext CreateDbContext(string[] args) => new(DesignTimeOptions(${NAME}DbContext.SchemaName));
}
EOF

log "Test project ($TST)"
mkdir -p "$TST/Features"
cat > "$TST/OobcCalendar.Modules.$NAME.Tests.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="xunit" />
    <PackageReference Include="xunit.runner.visualstudio" PrivateAssets="all" />
    <PackageReference Include="Shouldly" />
    <PackageReference Include="Microsoft.Extensions.TimeProvider.Testing" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="../../../$MOD/OobcCalendar.Modules.$NAME.csproj" />
    <ProjectReference Include="../../OobcCalendar.Testing/OobcCalendar.Testing.csproj" />
  </ItemGroup>
</Project>
EOF
cat > "$TST/Features/${NAME}Fixture.cs" <<EOF
using OobcCalendar.Modules.$NAME.Contracts;
using OobcCalendar.Testing;

namespace OobcCalendar.Modules.$NAME.Tests.Features;

/// <summary>The real host with only $NAME on, on a fresh database, the clock frozen at <see cref="Now"/>.</summary>
public sealed class ${NAME}Fixture() : ModuleFixture(new ModuleFixtureOptions("$LOWER", [${NAME}ModuleContract.Name]) { FrozenAt = Now })
{
    /// <summary>Monday 1 March 2027, 08:00 in Manila.</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
}

[CollectionDefinition(Name)]
public sealed class ${NAME}Collection : ICollectionFixture<${NAME}Fixture>
{
    public const string Name = "$LOWER";
}
EOF
cat > "$TST/Features/${NAME}ModuleTests.cs" <<EOF
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OobcCalendar.Modules.$NAME.Contracts;
using OobcCalendar.Shared.Modules;
using Shouldly;

namespace OobcCalendar.Modules.$NAME.Tests.Features;

[Collection(${NAME}Collection.Name)]
public sealed class ${NAME}ModuleTests(${NAME}Fixture fixture)
{
    [Fact]
    public async Task Add${NAME}Module_WhenTheHostStarts_ThenTheModuleIsOnAndItsSchemaIsMigrated()
    {
        fixture.App.Services.GetRequiredService<ModuleCatalog>().IsEnabled(${NAME}ModuleContract.Name).ShouldBeTrue();

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$LOWER' AND table_name = '__EFMigrationsHistory'", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1);
    }
}
EOF

log "Solution entries"
dotnet sln OobcCalendar.sln add "$CON/OobcCalendar.Modules.$NAME.Contracts.csproj" "$MOD/OobcCalendar.Modules.$NAME.csproj" >/dev/null
dotnet sln OobcCalendar.sln add "$TST/OobcCalendar.Modules.$NAME.Tests.csproj" >/dev/null

log "Host registration"
HOSTPROJ=src/Host/OobcCalendar.Host/OobcCalendar.Host.csproj
# Edits by anchor (python, not sed: the anchors are whole lines whose neighbours other changes move about).
python3 - "$NAME" <<'EOF' || true
import json, re, sys
name = sys.argv[1]
todo = []

def edit(path, change, what):
    try:
        text = open(path, encoding="utf-8").read()
        new = change(text)
    except Exception as e:  # a file or anchor another change moved: say so, the person adds it by hand
        new = None
    if new is None or new == text:
        todo.append(f"{path}: {what}")
        return
    open(path, "w", encoding="utf-8").write(new)

def after_last(pattern, line):
    def change(text):
        matches = list(re.finditer(pattern, text, re.M))
        if not matches:
            return None
        end = text.index("\n", matches[-1].end()) + 1
        return text[:end] + line + text[end:]
    return change

edit("src/Host/OobcCalendar.Host/OobcCalendar.Host.csproj",
     after_last(r'^\s*<ProjectReference Include="\.\./\.\./Modules/.*$',
                f'    <ProjectReference Include="../../Modules/{name}/OobcCalendar.Modules.{name}/OobcCalendar.Modules.{name}.csproj" />\n'),
     f"a ProjectReference to OobcCalendar.Modules.{name}")

host = "src/Host/OobcCalendar.Host/Infrastructure/OobcHost.cs"
edit(host, after_last(r'^using OobcCalendar\.Modules\.[A-Za-z]+;$', f"using OobcCalendar.Modules.{name};\n"),
     f"using OobcCalendar.Modules.{name};")
def assemblies(text):
    m = re.search(r'^(\s*)options\.Assemblies\s*=\s*\n\s*\[\s*\n', text, re.M)
    if not m:
        return None
    indent = m.group(1) + "    "
    line = f"{indent}typeof({name}Module), typeof(OobcCalendar.Modules.{name}.Contracts.{name}ModuleContract),\n"
    return text[:m.end()] + line + text[m.end():]
edit(host, assemblies, f"typeof({name}Module) and typeof({name}ModuleContract) in AddMediator's Assemblies")
def register(text):
    matches = list(re.finditer(r'^(\s*)services\.AddModuleIfEnabled\(.*$', text, re.M))
    if not matches:
        return None
    last = matches[-1]
    end = text.index("\n", last.end()) + 1
    line = f'{last.group(1)}services.AddModuleIfEnabled(configuration, OobcCalendar.Modules.{name}.Contracts.{name}ModuleContract.Name, s => s.Add{name}Module(configuration));\n'
    return text[:end] + line + text[end:]
edit(host, register, f"services.AddModuleIfEnabled(configuration, {name}ModuleContract.Name, s => s.Add{name}Module(configuration));")

def settings(text):
    m = re.search(r'^(\s*)"Modules":\s*\{\s*\n', text, re.M)
    if not m:
        return None
    indent = m.group(1) + "  "
    block = f'{indent}"{name}": {{\n{indent}  "Enabled": true\n{indent}}},\n'
    new = text[:m.end()] + block + text[m.end():]
    json.loads(new)  # still valid JSON, or the edit is refused
    return new
edit("src/Host/OobcCalendar.Host/appsettings.json", settings, f'"Modules": {{ "{name}": {{ "Enabled": true }} }}')

def arch_names(text):
    m = re.search(r'(public static readonly string\[\] Names =\s*\[)([^\]]*?)(\s*\];)', text)
    if not m:
        return None
    body = m.group(2).rstrip()
    if not body.endswith(","):
        body += ","
    text = text[:m.start()] + m.group(1) + body + f" {name}ModuleContract.Name," + m.group(3) + text[m.end():]
    return after_last(r'^using OobcCalendar\.Modules\.[A-Za-z]+\.Contracts;$', f"using OobcCalendar.Modules.{name}.Contracts;\n")(text)
edit("tests/OobcCalendar.Architecture.Tests/Modules.cs", arch_names, f'{name}ModuleContract.Name in Modules.Names')
edit("tests/OobcCalendar.Testing/Modules/ModuleNames.cs",
     lambda t: t.replace("        // new-module.sh: module names above this line", f'        "{name}",\n        // new-module.sh: module names above this line', 1),
     f'"{name}" in ModuleNames.All')

with open("/tmp/new-module-todo.txt", "w") as f:
    f.write("\n".join(todo))
EOF
if [ -s /tmp/new-module-todo.txt ]; then mapfile -t TODO < /tmp/new-module-todo.txt; fi
rm -f /tmp/new-module-todo.txt

if [ "$MIGRATION" -eq 1 ]; then
  log "Initial migration (dotnet ef)"
  ensure_dotnet_tools
  # dotnet ef builds the project without restoring it; a brand-new project has no assets file yet.
  dotnet restore "$MOD/OobcCalendar.Modules.$NAME.csproj" -v q >/dev/null
  dotnet ef migrations add Initial --project "$MOD" --startup-project "$MOD" --context "${NAME}DbContext" \
    --output-dir Persistence/Migrations | grep -vE '^(Build started|Build succeeded|Done\.)' || true
  ls "$MOD/Persistence/Migrations/"*_Initial.cs >/dev/null 2>&1 || { echo "dotnet ef did not write the migration (see above)." >&2; exit 1; }
else
  TODO+=("migration: dotnet ef migrations add Initial --project $MOD --startup-project $MOD --context ${NAME}DbContext --output-dir Persistence/Migrations")
fi

log "Module $NAME is laid down"
if [ ${#TODO[@]} -gt 0 ]; then
  echo "Add these by hand (their anchors were not found):"
  printf '  - %s\n' "${TODO[@]}"
fi
cat <<EOF
Next: dotnet build $TST/OobcCalendar.Modules.$NAME.Tests.csproj -v q -nologo
      dotnet test $TST/OobcCalendar.Modules.$NAME.Tests.csproj --no-build
Then give the module its use cases (Features/<UseCase>.cs), entities (Domain/), navigation and pages
(docs/architecture.md "Adding a module"), and a section in HostNavigation.SectionOrder if it has a menu.
EOF
