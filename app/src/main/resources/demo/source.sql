-- The demo's legacy database (H2 in MySQL mode): a small shop.
CREATE TABLE customers (
    id            INT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    email         VARCHAR(200),
    balance_cents BIGINT NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
INSERT INTO customers
SELECT x, CONCAT('Customer ', x), CONCAT('customer', x, '@example.org'), MOD(x * 137, 100000),
       DATEADD('SECOND', -120 - x * 60, TIMESTAMP '${NOW}')
FROM SYSTEM_RANGE(1, 1000) AS r(x);
-- Two customers written 30 seconds ago: replication has not brought them to the target yet (in flight).
INSERT INTO customers VALUES (1001, 'Zoë Ångström', 'zoe@example.org', 500, DATEADD('SECOND', -30, TIMESTAMP '${NOW}'));
INSERT INTO customers VALUES (1002, 'Łukasz Nowak', 'lukasz@example.org', 0, DATEADD('SECOND', -30, TIMESTAMP '${NOW}'));

-- Orders have a composite key.
CREATE TABLE orders (
    customer_id INT NOT NULL,
    order_no    INT NOT NULL,
    amount      DECIMAL(10, 2) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    PRIMARY KEY (customer_id, order_no)
);
INSERT INTO orders
SELECT MOD(x, 1000) + 1, x, CAST(MOD(x * 7919, 100000) AS DECIMAL(10, 2)) / 100, CASE MOD(x, 3) WHEN 0 THEN 'shipped' WHEN 1 THEN 'paid' ELSE 'new' END
FROM SYSTEM_RANGE(1, 3000) AS r(x);

-- Products have a string key: case, accents, punctuation and trailing spaces all matter.
CREATE TABLE products (
    sku   VARCHAR(32) PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    price DECIMAL(10, 2) NOT NULL
);
INSERT INTO products VALUES ('abc-001', 'Mug', 9.50), ('ABC-001', 'Mug (large)', 12.00), ('Ábc-001', 'Mug (café)', 10.5),
    ('abc_001', 'Mug, blue', 9.50), ('abc 001 ', 'Mug with a trailing space', 9.50), ('zz-999', 'Teapot', 30.00);

-- Events replicate through a slow channel: the target is 40 minutes behind.
CREATE TABLE events (
    id         BIGINT PRIMARY KEY,
    kind       VARCHAR(20) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO events SELECT x, CASE MOD(x, 2) WHEN 0 THEN 'login' ELSE 'logout' END, DATEADD('MINUTE', -(500 - x) - 10, TIMESTAMP '${NOW}')
FROM SYSTEM_RANGE(1, 500) AS r(x);

-- Suppliers: the legacy system gained a column that the migration does not know about yet.
CREATE TABLE suppliers (
    id      INT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    country CHAR(2) NOT NULL,
    phone   VARCHAR(30)
);
INSERT INTO suppliers VALUES (1, 'Acme', 'DE', '+49 30 1234'), (2, 'Globex', 'US', NULL), (3, 'Initech', 'FR', '+33 1 2345');
