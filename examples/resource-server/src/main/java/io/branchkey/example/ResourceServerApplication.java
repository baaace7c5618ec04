package io.branchkey.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** A resource server answering {@code @PreAuthorize("hasPermission(...)")} from Branchkey token claims. */
@SpringBootApplication
@EnableConfigurationProperties(BranchkeyProperties.class)
public class ResourceServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResourceServerApplication.class, args);
    }
}
