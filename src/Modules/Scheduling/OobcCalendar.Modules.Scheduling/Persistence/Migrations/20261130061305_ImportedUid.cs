using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImportedUid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_uid",
                schema: "scheduling",
                table: "events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_organizer_id_external_uid",
                schema: "scheduling",
                table: "events",
                columns: new[] { "organizer_id", "external_uid" },
                filter: "external_uid IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_events_organizer_id_external_uid",
                schema: "scheduling",
                table: "events");

            migrationBuilder.DropColumn(
                name: "external_uid",
                schema: "scheduling",
                table: "events");
        }
    }
}
