#pragma once

namespace madoguchi::client {

class App;
class ChatbotAvailability;

// チャットボット: availability % per month as a chart, the shown month's figures, its outages
// and its planned maintenance listed apart, and the form entering a maintenance window.
void draw_chatbot_availability(App& app, ChatbotAvailability& chatbot);

}  // namespace madoguchi::client
