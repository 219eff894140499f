using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExternalBusyIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_busy",
                schema: "scheduling",
                columns: table => new
                {
                    source_module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_busy", x => new { x.source_module, x.source_id, x.person_id });
                });

            migrationBuilder.CreateTable(
                name: "external_busy_released",
                schema: "scheduling",
                columns: table => new
                {
                    source_module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_busy_released", x => new { x.source_module, x.source_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_external_busy_person_id_start_utc",
                schema: "scheduling",
                table: "external_busy",
                columns: new[] { "person_id", "start_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_busy",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "external_busy_released",
                schema: "scheduling");
        }
    }
}
