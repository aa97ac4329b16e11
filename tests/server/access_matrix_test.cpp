// Who may call what: the route table against the expected matrix, every role against every
// route over HTTP, and object-level isolation of staff and managers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

// The access each operation is meant to have: "*" everyone (no sign-in), "signed-in" any
// signed-in user, otherwise the admitted roles. A new route fails this test until it is here.
const std::map<std::string, std::string> expected_access{
    {"getHealth", "*"},
    {"getHolidays", "*"},
    {"getDeadline", "*"},
    {"getOpenApi", "*"},
    {"createSession", "*"},
    {"deleteSession", "signed-in"},
    {"getMe", "signed-in"},
    {"changeMyPassword", "signed-in"},
    {"listDivisions", "signed-in"},
    {"listUsers", "it_office,auditor,admin"},
    {"getUser", "it_office,auditor,admin"},
    {"createUser", "admin"},
    {"updateUser", "admin"},
    {"setUserPassword", "admin"},
    {"listLoginBlocks", "admin"},
    {"clearLoginBlock", "admin"},
    {"createInquiry", "staff,manager,operator"},
    {"listInquiries", "staff,manager,operator,it_office,auditor,admin"},
    {"getInquiry", "staff,manager,operator,it_office,auditor,admin"},
    {"listAuditRecords", "auditor,admin"},
    {"exportAuditRecords", "auditor,admin"},
    {"verifyAuditChain", "auditor,admin"},
    {"listDeviceClasses", "signed-in"},
    {"listLocations", "signed-in"},
    {"createLocation", "operator,admin"},
    {"listDeviceModels", "signed-in"},
    {"createDeviceModel", "operator,admin"},
    {"listDevices", "staff,manager,operator,it_office,auditor,admin"},
    {"createDevice", "operator,admin"},
    {"getDevice", "staff,manager,operator,it_office,auditor,admin"},
    {"updateDevice", "operator,admin"},
    {"transitionDevice", "operator,admin"},
    {"getDeviceHistory", "staff,manager,operator,it_office,auditor,admin"},
    {"importLedger", "operator,admin"},
    {"exportDevicesCsv", "staff,manager,operator,it_office,auditor,admin"},
    {"exportDevicesXlsx", "staff,manager,operator,it_office,auditor,admin"},
    {"printDeviceLabels", "staff,manager,operator,it_office,auditor,admin"},
    {"printDeviceLabelsPdf", "staff,manager,operator,it_office,auditor,admin"},
    {"exportDeviceModelsCsv", "signed-in"},
    {"exportLocationsCsv", "signed-in"},
    {"listPlacementRequests", "manager,operator,it_office,vendor,auditor,admin"},
    {"createPlacementRequest", "manager,operator"},
    {"getPlacementRequest", "manager,operator,it_office,vendor,auditor,admin"},
    {"transitionPlacementRequest", "manager,operator,vendor,admin"},
    {"updatePlacementChecklistItem", "operator,admin"},
    {"listConfigurationItems", "manager,operator,it_office,auditor,admin"},
    {"createConfigurationItem", "operator,it_office,admin"},
    {"getConfigurationItem", "manager,operator,it_office,auditor,admin"},
    {"updateConfigurationItem", "operator,it_office,admin"},
    {"getLicence", "manager,operator,it_office,auditor,admin"},
    {"putLicence", "operator,it_office,admin"},
    {"assignLicenceSeat", "operator,it_office,admin"},
    {"unassignLicenceSeat", "operator,it_office,admin"},
    {"listSettingsVersions", "manager,operator,it_office,auditor,admin"},
    {"changeSettings", "operator,it_office,admin"},
    {"diffSettingsVersions", "manager,operator,it_office,auditor,admin"},
    {"restoreSettingsVersion", "operator,it_office,admin"},
    {"getSettingsVersion", "manager,operator,it_office,auditor,admin"},
    {"listDocuments", "manager,operator,it_office,auditor,admin"},
    {"uploadDocument", "operator,it_office,admin"},
    {"addDocumentVersion", "operator,it_office,admin"},
    {"downloadDocumentVersion", "manager,operator,it_office,auditor,admin"},
    {"listNotificationTemplates", "it_office,admin"},
    {"updateNotificationTemplate", "admin"},
    {"listNotificationOutbox", "operator,admin"},
    {"retryNotification", "operator,admin"},
    {"getNotificationRouting", "it_office,admin"},
    {"updateNotificationRouting", "admin"},
    {"listMyNotifications", "signed-in"},
    {"markMyNotificationRead", "signed-in"},
    {"markAllMyNotificationsRead", "signed-in"},
    {"listTickets", "staff,manager,operator,it_office,vendor,auditor,admin"},
    {"createTicket", "staff,manager,operator,it_office"},
    {"getTicket", "staff,manager,operator,it_office,vendor,auditor,admin"},
    {"updateTicket", "operator,it_office"},
    {"transitionTicket", "staff,operator,it_office,vendor"},
    {"addTicketNote", "staff,manager,operator,it_office,vendor"},
    {"linkTicket", "operator,it_office"},
    {"unlinkTicket", "operator,it_office"},
    {"getTicketTrends", "operator,it_office,auditor,admin"},
    {"exportTicketTrends", "operator,it_office,auditor,admin"},
    {"listTicketAttachments", "staff,manager,operator,it_office,vendor,auditor,admin"},
    {"uploadTicketAttachment", "staff,manager,operator,it_office,vendor"},
    {"downloadTicketAttachment", "staff,manager,operator,it_office,vendor,auditor,admin"},
    {"listKnowledgeArticles", "staff,manager,operator,it_office,auditor,admin"},
    {"createKnowledgeArticle", "operator,it_office"},
    {"getKnowledgeArticle", "staff,manager,operator,it_office,auditor,admin"},
    {"updateKnowledgeArticle", "operator,it_office"},
    {"transitionKnowledgeArticle", "operator,it_office"},
    {"diffKnowledgeArticleVersions", "operator,it_office,auditor,admin"},
    {"restoreKnowledgeArticleVersion", "operator,it_office"},
    {"createKnowledgeArticleFromTicket", "operator,it_office"},
    {"suggestKnowledgeArticles", "staff,manager,operator,it_office,auditor,admin"},
    {"giveKnowledgeFeedback", "staff,manager,operator,it_office,auditor,admin"},
    {"exportKnowledgeFaq", "operator,it_office"},
    {"listKnowledgeFaqExports", "operator,it_office,auditor,admin"},
    {"downloadKnowledgeFaqExport", "operator,it_office,auditor,admin"},
    {"restoreKnowledgeFaqExport", "operator,it_office"},
    {"listLoanRules", "staff,manager,operator,it_office,auditor,admin"},
    {"replaceLoanRules", "admin"},
    {"getLoanTerms", "staff,manager,operator,it_office,auditor,admin"},
    {"publishLoanTerms", "admin"},
    {"getLendingAvailability", "staff,manager,operator,it_office,auditor,admin"},
    {"listLoanRequests", "staff,manager,operator,it_office,auditor,admin"},
    {"createLoanRequest", "staff,manager,operator,it_office"},
    {"getLoanRequest", "staff,manager,operator,it_office,auditor,admin"},
    {"transitionLoanRequest", "staff,manager,operator,it_office"},
    {"listReminderPolicies", "staff,manager,operator,it_office,auditor,admin"},
    {"replaceReminderPolicies", "admin"},
    {"listLoanReminders", "staff,manager,operator,it_office,auditor,admin"},
    {"sendLoanReminder", "operator"},
    {"listOverdueLoans", "manager,operator,it_office,auditor"},
    {"createShipment", "operator"},
    {"listShipments", "operator,it_office,auditor,admin"},
    {"getShipment", "operator,it_office,auditor,admin"},
    {"receiveShipment", "operator"},
    {"createLossReport", "staff,manager,operator,it_office"},
    {"listLossReports", "staff,manager,operator,it_office,auditor,admin"},
    {"getLossReport", "staff,manager,operator,it_office,auditor,admin"},
    {"replaceLostDevice", "operator"},
    {"getLendingStock", "operator,it_office,auditor,admin"},
    {"getStockThresholds", "operator,it_office,auditor,admin"},
    {"replaceStockThresholds", "admin"},
    {"setRepairReturn", "operator"},
    {"listMasterImages", "operator,it_office,auditor,admin"},
    {"publishMasterImage", "operator,it_office,admin"},
    {"listKittingTasks", "operator"},
    {"getKittingTask", "operator"},
    {"tickKittingItem", "operator"},
    {"untickKittingItem", "operator"},
    {"getCounterPerson", "operator"},
    {"scanAtCounter", "operator"},
    {"handOverLoan", "operator"},
    {"getHandoverReceipt", "operator"},
    {"returnLoanDevice", "operator"},
    {"listLoanExtensions", "staff,manager,operator,it_office,auditor,admin"},
    {"requestLoanExtension", "staff,manager,operator,it_office"},
    {"decideLoanExtension", "staff,manager,operator,it_office"},
    {"listReturnSlots", "staff,manager,operator,it_office"},
    {"getReturnBooking", "staff,manager,operator,it_office,auditor,admin"},
    {"bookReturn", "staff,manager,operator,it_office"},
    {"cancelReturnBooking", "staff,manager,operator,it_office"},
    {"listReturnBookings", "operator,it_office,auditor,admin"},
    {"getDeviceTelemetry", "operator,it_office,auditor,admin"},
    {"pollDeviceTelemetry", "operator,admin"},
    {"getTelemetryBilling", "operator,it_office,auditor,admin"},
    {"exportTelemetryBillingCsv", "operator,it_office,auditor,admin"},
    {"exportTelemetryBillingXlsx", "operator,it_office,auditor,admin"},
    {"getFirmwareCompliance", "operator,it_office,auditor,admin"},
    {"setFirmwareTarget", "it_office,admin"},
    {"openFirmwareReleasePlan", "operator,it_office"},
    {"getTelemetryRules", "operator,it_office,auditor,admin"},
    {"replaceTelemetryRules", "it_office,admin"},
    {"listTelemetryModelSpeeds", "operator,it_office,auditor,admin"},
    {"setTelemetryModelSpeed", "it_office,admin"},
    {"listTelemetryAnomalies", "operator,it_office,auditor,admin"},
    {"scanTelemetryAnomalies", "operator,it_office,admin"},
    {"acknowledgeTelemetryAnomaly", "operator,it_office,admin"},
    {"getChatbotAvailability", "operator,it_office,auditor,admin"},
    {"listChatbotMaintenance", "operator,it_office,auditor,admin"},
    {"addChatbotMaintenance", "operator,it_office,admin"},
    {"listTelemetryDevices", "operator,it_office,auditor,admin"},
    {"listTelemetryIncidents", "operator,it_office,auditor,admin"},
    {"listTonerOrders", "operator,it_office,vendor,auditor,admin"},
    {"getTonerOrder", "operator,it_office,vendor,auditor,admin"},
    {"transitionTonerOrder", "operator,vendor,admin"},
};

std::string access_of(const madoguchi::server::http::Access& access) {
    if (!access.requires_sign_in()) return "*";
    if (access.roles().empty()) return "signed-in";
    std::vector<Role> sorted = access.roles();
    std::sort(sorted.begin(), sorted.end());
    return madoguchi::identity::join_roles(sorted);
}

std::string concrete_path(std::string path) {
    for (const auto& [parameter, value] :
         {std::pair{"{id}", "1"}, std::pair{"{key}", "login:nobody"}, std::pair{"{table}", "devices"},
          std::pair{"{assignment}", "1"}, std::pair{"{number}", "1"}, std::pair{"{document}", "1"},
          std::pair{"{attachment}", "1"}, std::pair{"{form}", "loan_request"}}) {
        if (const auto at = path.find(parameter); at != std::string::npos) path.replace(at, std::string(parameter).size(), value);
    }
    return path;
}

httplib::Result call(httplib::Client& client, const std::string& method, const std::string& path) {
    const auto concrete = concrete_path(path);
    // A body that every route refuses or ignores: nothing is changed by the walk.
    if (method == "GET") return client.Get(concrete.c_str());
    if (method == "POST") return client.Post(concrete.c_str(), "{}", "application/json");
    if (method == "PUT") return client.Put(concrete.c_str(), "{}", "application/json");
    if (method == "PATCH") return client.Patch(concrete.c_str(), "{}", "application/json");
    return client.Delete(concrete.c_str());
}

}  // namespace

TEST_CASE("every route declares the access the matrix expects", "[identity][authorisation]") {
    RunningApp server;
    std::set<std::string> seen;
    for (const auto& route : server.app().router().routes()) {
        INFO(route.method << " " << route.path);
        REQUIRE(expected_access.contains(route.operation_id));
        CHECK(access_of(route.access) == expected_access.at(route.operation_id));
        seen.insert(route.operation_id);
    }
    CHECK(seen.size() == expected_access.size());
}

TEST_CASE("each role reaches exactly the routes it is admitted to, refusals are 403 and audited", "[identity][authorisation]") {
    RunningApp server;
    auto routes = server.app().router().routes();
    // Signing out last, so the walk keeps its session.
    std::stable_partition(routes.begin(), routes.end(), [](const auto& route) { return route.operation_id != "deleteSession"; });

    for (const auto role : madoguchi::identity::all_roles()) {
        const std::string login = std::string(madoguchi::identity::role_name(role)) + "-only";
        auto signed_in = signed_in_user(server, {login, {role}});
        for (const auto& route : routes) {
            INFO(madoguchi::identity::role_name(role) << ": " << route.method << " " << route.path);
            const auto denied_before = count_rows(server.database_path(),
                                                  "SELECT count(*) FROM audit_log WHERE action = 'access.denied'");
            const auto response = call(*signed_in.client, route.method, route.path);
            REQUIRE(response);
            CHECK(response->status != 500);
            CHECK(response->status != 401);
            if (route.access.admits(std::vector<Role>{role})) {
                CHECK(response->status != 403);
            } else {
                CHECK(response->status == 403);
                CHECK(json_of(response)["error"]["code"] == "forbidden");
                CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'access.denied'") ==
                      denied_before + 1);
            }
        }
    }

    auto anonymous = server.client();
    for (const auto& route : routes) {
        INFO("anonymous: " << route.method << " " << route.path);
        const auto response = call(*anonymous, route.method, route.path);
        REQUIRE(response);
        CHECK(response->status != 500);
        if (route.access.requires_sign_in()) {
            CHECK(response->status == 401);
            CHECK(json_of(response)["error"]["code"] == "unauthenticated");
        } else {
            CHECK(response->status != 401);
            CHECK(response->status != 403);
        }
    }
}

TEST_CASE("staff read only their own inquiries, managers their division's, the desk all", "[identity][authorisation]") {
    RunningApp server;
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}, "D-SOUMU"});
    auto sato = signed_in_user(server, {"sato", {Role::staff}, "D-SOUMU"});
    auto kato = signed_in_user(server, {"kato", {Role::staff}, "D-JINJI"});
    auto manager = signed_in_user(server, {"manager", {Role::manager}, "D-SOUMU"});
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}, "D-DESK"});
    auto vendor = signed_in_user(server, {"vendor", {Role::vendor}, "D-DESK"});

    const auto submit = [&](SignedIn& who, const std::string& subject) {
        const auto response = audited(server, [&] { return post_inquiry(*who.client, sample_inquiry(subject).dump()); });
        REQUIRE(response->status == 201);
        return json_of(response)["inquiry"]["id"].get<int>();
    };
    const auto suzukis = submit(suzuki, "鈴木の件");
    submit(sato, "佐藤の件");
    const auto katos = submit(kato, "加藤の件");

    const auto subjects = [](SignedIn& who) {
        std::vector<std::string> seen;
        const auto page = json_of(who.client->Get("/api/v1/inquiries"));
        for (const auto& inquiry : page["inquiries"]) seen.push_back(inquiry["subject"]);
        std::sort(seen.begin(), seen.end());
        CHECK(page["total"] == seen.size());
        return seen;
    };
    CHECK(subjects(suzuki) == std::vector<std::string>{"鈴木の件"});
    CHECK(subjects(kato) == std::vector<std::string>{"加藤の件"});
    CHECK(subjects(manager) == std::vector<std::string>{"佐藤の件", "鈴木の件"});
    CHECK(subjects(desk).size() == 3);

    // Guessing ids finds nothing: another's inquiry does not exist for this reader.
    const auto guessed = suzuki.client->Get(("/api/v1/inquiries/" + std::to_string(katos)).c_str());
    CHECK(guessed->status == 404);
    CHECK(guessed->body == suzuki.client->Get("/api/v1/inquiries/999999")->body);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND "
                                             "actor = 'suzuki' AND object_type = 'ticket' AND object_id = '" +
                                                 std::to_string(katos) + "'") == 1);
    CHECK(manager.client->Get(("/api/v1/inquiries/" + std::to_string(katos)).c_str())->status == 404);
    CHECK(manager.client->Get(("/api/v1/inquiries/" + std::to_string(suzukis)).c_str())->status == 200);
    CHECK(desk.client->Get(("/api/v1/inquiries/" + std::to_string(katos)).c_str())->status == 200);
    CHECK(vendor.client->Get("/api/v1/inquiries")->status == 403);
}

TEST_CASE("idempotency keys belong to their user: the same key from two users makes two inquiries", "[identity][idempotency]") {
    RunningApp server;
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}});
    auto sato = signed_in_user(server, {"sato", {Role::staff}});
    const auto body = sample_inquiry().dump();
    const auto first = post_inquiry(*suzuki.client, body, "same-key");
    const auto second = post_inquiry(*sato.client, body, "same-key");
    CHECK(first->status == 201);
    CHECK(second->status == 201);
    CHECK_FALSE(second->has_header("Idempotency-Replayed"));
    CHECK(json_of(first)["inquiry"]["id"] != json_of(second)["inquiry"]["id"]);
    CHECK(sato.client->Get(("/api/v1/inquiries/" + std::to_string(json_of(first)["inquiry"]["id"].get<int>())).c_str())
              ->status == 404);
}
