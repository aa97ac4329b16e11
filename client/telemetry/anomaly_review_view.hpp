#pragma once

namespace madoguchi::client {

class App;

// 特異点: the anomalies flagged for review, acknowledging one with a note, and "今すぐ判定".
void draw_anomaly_review(App& app);

}  // namespace madoguchi::client
