package org.compassioncourse.load;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

public class CourseSimulation extends Simulation {
    {
        setUp(scenario("noop").exec(http("home").get("/login")).injectOpen(atOnceUsers(1)))
                .protocols(http.baseUrl("http://127.0.0.1:18080"));
    }
}
