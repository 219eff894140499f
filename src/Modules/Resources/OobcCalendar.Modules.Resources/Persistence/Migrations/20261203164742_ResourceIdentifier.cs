using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Resources.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResourceIdentifier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "identifier",
                schema: "resources",
                table: "resources",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Plates were typed in as features ("Plate SAB 1234"), which filled the directory's "Must have"
            // filter with number plates: move the first into the identifier and drop them all from features.
            migrationBuilder.Sql("""
                UPDATE resources.resources r
                SET identifier = left(trim(substring(p.feature FROM 7)), 40),
                    features = array(SELECT f FROM unnest(r.features) AS f WHERE f NOT ILIKE 'plate %')
                FROM (SELECT id, min(f) AS feature FROM resources.resources, unnest(features) AS f WHERE f ILIKE 'plate %' GROUP BY id) p
                WHERE r.id = p.id AND r.identifier IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "identifier",
                schema: "resources",
                table: "resources");
        }
    }
}
