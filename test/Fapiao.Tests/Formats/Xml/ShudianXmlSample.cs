namespace Fapiao.Tests.Formats.Xml;

/// <summary>
/// A 数电票 XML as the tax platform issues it (structure of the e-voucher accounting data standard,
/// DOMAIN.md "File formats"; the parties are the real companies of the design's example, the number
/// is made up). Two lines, one with amounts written with 6 decimals, rates in two spellings.
/// </summary>
internal static class ShudianXmlSample
{
    public const string Number = "23442000000123456789";

    public const string Text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EInvoice>
          <Header>
            <EIid>23442000000123456789</EIid>
            <EInvoiceTag>SWEI4400</EInvoiceTag>
            <Version>0.1</Version>
            <InherentLabel>
              <InIssuType><LabelCode>Y</LabelCode><LabelName>蓝字发票</LabelName></InIssuType>
              <EInvoiceType><LabelCode>02</LabelCode><LabelName>数电发票</LabelName></EInvoiceType>
              <GeneralOrSpecialVAT><LabelCode>01</LabelCode><LabelName>增值税专用发票</LabelName></GeneralOrSpecialVAT>
              <TaxpayerType><LabelCode>01</LabelCode><LabelName>一般纳税人</LabelName></TaxpayerType>
            </InherentLabel>
          </Header>
          <EInvoiceData>
            <SellerInformation>
              <SellerIdNum>914403001922038216</SellerIdNum>
              <SellerName>华为技术有限公司</SellerName>
              <SellerAddr>深圳市龙岗区坂田华为总部办公楼</SellerAddr>
              <SellerTelNum>0755-28780808</SellerTelNum>
              <SellerBankName>中国银行深圳分行</SellerBankName>
              <SellerBankAccNum>760000000000</SellerBankAccNum>
            </SellerInformation>
            <BuyerInformation>
              <BuyerIdNum>91330100799655058B</BuyerIdNum>
              <BuyerName>阿里巴巴（中国）有限公司</BuyerName>
            </BuyerInformation>
            <BasicInformation>
              <TotalAmWithoutTax>1000.12</TotalAmWithoutTax>
              <TotalTaxAm>60.01</TotalTaxAm>
              <TotalTax-includedAmount>1060.13</TotalTax-includedAmount>
              <TotalTax-includedAmountInChinese>壹仟零陆拾圆壹角叁分</TotalTax-includedAmountInChinese>
              <Drawer>张三</Drawer>
              <RequestTime>2023-02-23 10:07:41</RequestTime>
            </BasicInformation>
            <IssuItemInformation>
              <ItemName>*信息技术服务*软件开发</ItemName>
              <SpecMod>V2.0</SpecMod>
              <MeaUnits>项</MeaUnits>
              <Quantity>1</Quantity>
              <UnPrice>1000.000000</UnPrice>
              <Amount>1000.000000</Amount>
              <TaxRate>0.060000</TaxRate>
              <ComTaxAm>60.000000</ComTaxAm>
              <TotaltaxIncludedAmount>1060.000000</TotaltaxIncludedAmount>
              <TaxClassificationCode>3040201010000000000</TaxClassificationCode>
            </IssuItemInformation>
            <IssuItemInformation>
              <ItemName>*经纪代理服务*手续费</ItemName>
              <SpecMod></SpecMod>
              <MeaUnits>次</MeaUnits>
              <Quantity>2</Quantity>
              <UnPrice>0.06</UnPrice>
              <Amount>0.120000</Amount>
              <TaxRate>6%</TaxRate>
              <ComTaxAm>0.010000</ComTaxAm>
              <TotaltaxIncludedAmount>0.130000</TotaltaxIncludedAmount>
              <TaxClassificationCode>3040802010000000000</TaxClassificationCode>
            </IssuItemInformation>
            <AdditionalInformation>
              <Remark>项目编号：HW-2023-001
        合同号：A-17</Remark>
            </AdditionalInformation>
          </EInvoiceData>
          <TaxSupervisionInfo>
            <InvoiceNumber>23442000000123456789</InvoiceNumber>
            <IssueTime>2023-02-23 10:08:05</IssueTime>
            <TaxBureauCode>14403000000</TaxBureauCode>
            <TaxBureauName>国家税务总局深圳市税务局</TaxBureauName>
          </TaxSupervisionInfo>
          <TaxBureauSignature>MEUCIQDhY2VydGlmaWNhdGUtcGxhY2Vob2xkZXI=</TaxBureauSignature>
        </EInvoice>
        """;

    /// <summary>The sample with one piece of text replaced; fails when the piece is not there, so no variant silently equals the original.</summary>
    public static string With(string find, string replace)
    {
        Text.ShouldContain(find);
        return Text.Replace(find, replace, StringComparison.Ordinal);
    }
}
