// Priority from impact × urgency, the SLA targets each priority gets, and the hours they
// are counted in.
#include <catch2/catch.hpp>

#include <string>

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"
#include "tickets/priority.hpp"
#include "tickets/sla_policy.hpp"

using namespace madoguchi::tickets;
using madoguchi::inventory::find_device_class;

TEST_CASE("priority follows the ITIL impact × urgency matrix", "[tickets][priority]") {
    // Rows impact (widespread, division, individual), columns urgency (high, medium, low).
    const char* expected[] = {"p1 p2 p3", "p2 p3 p4", "p3 p4 p4"};
    const Impact impacts[] = {Impact::widespread, Impact::division, Impact::individual};
    for (int row = 0; row < 3; ++row) {
        std::string names;
        for (const auto urgency : {Urgency::high, Urgency::medium, Urgency::low}) {
            if (!names.empty()) names += ' ';
            names += priority_name(priority_for(impacts[row], urgency));
        }
        CHECK(names == expected[row]);
    }
}

TEST_CASE("priorities, impacts and urgencies parse and have labels", "[tickets][priority]") {
    CHECK(parse_priority("p2") == Priority::p2);
    CHECK_FALSE(parse_priority("P2").has_value());
    CHECK(parse_impact("division") == Impact::division);
    CHECK(parse_urgency("low") == Urgency::low);
    CHECK_FALSE(parse_urgency("urgent").has_value());
    CHECK(at_least(Priority::p1, Priority::p2));
    CHECK(at_least(Priority::p2, Priority::p2));
    CHECK_FALSE(at_least(Priority::p3, Priority::p2));
    using madoguchi::i18n::Language;
    CHECK(madoguchi::i18n::text(priority_label_key(Priority::p1), Language::ja) == "P1 緊急");
    for (const auto impact : {Impact::widespread, Impact::division, Impact::individual}) {
        CHECK(madoguchi::i18n::has_key(impact_label_key(impact)));
    }
    for (const auto urgency : {Urgency::high, Urgency::medium, Urgency::low}) {
        CHECK(madoguchi::i18n::has_key(urgency_label_key(urgency)));
    }
}

TEST_CASE("SLA targets per kind and priority, in business minutes", "[tickets][sla]") {
    const auto incident_p1 = sla_targets(TicketKind::incident, Priority::p1);
    CHECK(incident_p1.first_response_minutes == 15);
    CHECK(incident_p1.resolution_minutes == 240);
    // One desk day (8:30–18:15) is 585 minutes.
    CHECK(sla_targets(TicketKind::inquiry, Priority::p1).resolution_minutes == 585);
    CHECK(sla_targets(TicketKind::inquiry, Priority::p4).resolution_minutes == 5850);
    CHECK(sla_targets(TicketKind::security_incident, Priority::p2).first_response_minutes == 15);
    CHECK_FALSE(sla_targets(TicketKind::problem, Priority::p3).resolution_minutes.has_value());
    for (const auto priority : priorities()) {
        CHECK_FALSE(sla_targets(TicketKind::change, priority).first_response_minutes.has_value());
        CHECK_FALSE(sla_targets(TicketKind::release, priority).resolution_minutes.has_value());
    }
}

TEST_CASE("vendor work counts in the vendor's contract hours", "[tickets][sla]") {
    const auto* mfp = find_device_class("mfp");
    REQUIRE(mfp != nullptr);
    const auto vendor = sla_hours(mfp, true);
    // 受付 9:00–17:30, 保守対応 9:00–17:00 on weekdays (§1.3(1)イ(ア)a(a)).
    CHECK(vendor.first_response.open_minute == 9 * 60);
    CHECK(vendor.first_response.close_minute == 17 * 60 + 30);
    CHECK(vendor.resolution.close_minute == 17 * 60);

    const auto desk = sla_hours(mfp, false);
    CHECK(desk.first_response.open_minute == 8 * 60 + 30);
    CHECK(desk.resolution.close_minute == 18 * 60 + 15);

    // Pick-up maintenance has reception hours only; GSS terminals have no vendor hours here.
    const auto mobile_printer = sla_hours(find_device_class("mobile_printer"), true);
    CHECK(mobile_printer.resolution.close_minute == 17 * 60);
    CHECK(mobile_printer.first_response.close_minute == 17 * 60);
    CHECK(sla_hours(find_device_class("gss_terminal"), true).resolution.close_minute == 18 * 60 + 15);
    CHECK(sla_hours(nullptr, true).first_response.open_minute == 8 * 60 + 30);
}
