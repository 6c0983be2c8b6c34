-- The demo's new database (H2 in PostgreSQL mode), loaded by a migration with planted defects.
CREATE TABLE customer (
    id         INT PRIMARY KEY,
    full_name  VARCHAR(100) NOT NULL,
    email      VARCHAR(200),
    balance    NUMERIC(12, 2) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    loaded_at  TIMESTAMP
);
INSERT INTO customer
SELECT x, 'Customer ' || x, 'customer' || x || '@example.org', MOD(x * 137, 100000) / 100.0,
       DATEADD('SECOND', -120 - x * 60, TIMESTAMP '${NOW}'), TIMESTAMP '${NOW}'
FROM SYSTEM_RANGE(1, 1000) AS r(x);
-- Planted for the diff job: a changed e-mail and a wrong balance.
UPDATE customer SET email = 'customer42@example.com' WHERE id = 42;
UPDATE customer SET balance = balance + 1 WHERE id = 7;

CREATE TABLE orders (
    customer_id INT NOT NULL,
    order_no    INT NOT NULL,
    amount      NUMERIC(10, 2) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    PRIMARY KEY (customer_id, order_no)
);
INSERT INTO orders
SELECT MOD(x, 1000) + 1, x, CAST(MOD(x * 7919, 100000) AS NUMERIC(10, 2)) / 100, CASE MOD(x, 3) WHEN 0 THEN 'shipped' WHEN 1 THEN 'paid' ELSE 'new' END
FROM SYSTEM_RANGE(1, 3000) AS r(x);
-- Planted: three orders lost in the load.
DELETE FROM orders WHERE order_no IN (100, 200, 300);

-- The target lost the primary key constraint on products, and one row was loaded twice.
CREATE TABLE products (
    sku   VARCHAR(32) NOT NULL,
    title VARCHAR(200) NOT NULL,
    price NUMERIC(10, 2) NOT NULL
);
INSERT INTO products VALUES ('abc-001', 'Mug', 9.5), ('ABC-001', 'Mug (large)', 12), ('Ábc-001', 'Mug (café)', 10.50),
    ('abc_001', 'Mug, blue', 9.5), ('abc 001 ', 'Mug with a trailing space', 9.5), ('zz-999', 'Teapot', 30),
    ('zz-999', 'Teapot', 30),
    -- Planted: a row that exists only in the target.
    ('new-001', 'Stray row', 1.00);

CREATE TABLE events (
    id         BIGINT PRIMARY KEY,
    kind       VARCHAR(20) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
-- Planted: replication of events stopped 40 minutes ago.
INSERT INTO events SELECT x, CASE MOD(x, 2) WHEN 0 THEN 'login' ELSE 'logout' END, DATEADD('MINUTE', -(500 - x) - 10, TIMESTAMP '${NOW}')
FROM SYSTEM_RANGE(1, 470) AS r(x);

-- Planted: the source's new phone column is neither mapped nor ignored (a schema conflict).
CREATE TABLE suppliers (
    id      INT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    country CHAR(2) NOT NULL
);
INSERT INTO suppliers VALUES (1, 'Acme', 'DE'), (2, 'Globex', 'US'), (3, 'Initech', 'FR');
