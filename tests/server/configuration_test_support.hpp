#pragma once
// Requests the configuration tests share: JSON posts, puts and patches through a signed-in
// client, and an item created by the desk.
#include <nlohmann/json.hpp>
#include <string>

#include "identity_test_support.hpp"

namespace madoguchi::testing {

httplib::Result post_json(SignedIn& user, const std::string& path, const nlohmann::json& body);
httplib::Result put_json(SignedIn& user, const std::string& path, const nlohmann::json& body);
httplib::Result patch_json(SignedIn& user, const std::string& path, const nlohmann::json& body);
// The JSON answer of a GET that must succeed.
nlohmann::json get_ok(SignedIn& user, const std::string& path);

// POST /api/v1/configuration-items (audited); REQUIREs 201 and answers the item.
nlohmann::json create_item(const RunningApp& server, SignedIn& writer, const std::string& kind, const std::string& name);
// "/api/v1/configuration-items/<id><rest>".
std::string item_path(const nlohmann::json& item, const std::string& rest = "");

}  // namespace madoguchi::testing
