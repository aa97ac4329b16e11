#include "configuration_test_support.hpp"

#include <catch2/catch.hpp>

namespace madoguchi::testing {

httplib::Result post_json(SignedIn& user, const std::string& path, const nlohmann::json& body) {
    return user.client->Post(path.c_str(), body.dump(), "application/json");
}

httplib::Result put_json(SignedIn& user, const std::string& path, const nlohmann::json& body) {
    return user.client->Put(path.c_str(), body.dump(), "application/json");
}

httplib::Result patch_json(SignedIn& user, const std::string& path, const nlohmann::json& body) {
    return user.client->Patch(path.c_str(), body.dump(), "application/json");
}

nlohmann::json get_ok(SignedIn& user, const std::string& path) {
    const auto response = user.client->Get(path.c_str());
    REQUIRE(response);
    INFO(path << ": " << response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

nlohmann::json create_item(const RunningApp& server, SignedIn& writer, const std::string& kind, const std::string& name) {
    const auto response = audited(server, [&] {
        return post_json(writer, "/api/v1/configuration-items", {{"kind", kind}, {"name", name}, {"vendor", "テスト株式会社"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["item"];
}

std::string item_path(const nlohmann::json& item, const std::string& rest) {
    return "/api/v1/configuration-items/" + std::to_string(item["id"].get<std::int64_t>()) + rest;
}

}  // namespace madoguchi::testing
